//! Any bytes through loading and every check, and the human and JSON renderers.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    sheet::fuzzing::load_validate(data);
});
