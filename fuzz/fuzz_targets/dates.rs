//! Any string through the fiscal-year and date parsers, with and without a year.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        sheet::fuzzing::dates(s);
    }
});
