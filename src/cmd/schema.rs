//! `sheet schema`: the JSON Schema of format 1 on stdout, for editors.

use std::io::Write;

use crate::output::{Ctx, Exit};

pub fn run(ctx: &Ctx) -> anyhow::Result<Exit> {
    let mut out = std::io::stdout().lock();
    out.write_all(crate::schema::schema_text(ctx.lang).as_bytes())?;
    out.flush()?;
    Ok(Exit::Ok)
}
