//! Writes the table of lower-case letters that `case::lower_case` reads,
//! derived from the standard library's own `char::to_lowercase` on the
//! machine that builds. The page then carries this table of 184 runs (about
//! 3 KB) instead of the standard library's list of every pair (11.7 KB), and
//! stays on the same version of Unicode as the compiler, with no table kept
//! by hand.

use std::fmt::Write;

fn main() {
    // A run: letters from `first` to `last`, every `every`-th one, each
    // lower-cased by adding `delta` to its code point.
    let mut runs: Vec<(u32, u32, u32, i64)> = Vec::new();
    for code in 0..=char::MAX as u32 {
        let Some(c) = char::from_u32(code) else {
            continue;
        };
        // One letter lowers to two in Unicode: 'İ' (U+0130) is "i" and a
        // combining dot. For search the dot is no part of the word: "i".
        let Some(lower) = c.to_lowercase().next() else {
            continue;
        };
        if lower == c {
            continue;
        }
        let delta = lower as i64 - code as i64;
        if let Some(run) = runs.last_mut() {
            let step = code - run.1;
            let extends = run.3 == delta
                && if run.0 == run.1 {
                    step == 1 || step == 2
                } else {
                    step == run.2
                };
            if extends {
                run.2 = step;
                run.1 = code;
                continue;
            }
        }
        runs.push((code, code, 1, delta));
    }
    let mut out = String::from(
        "/// Runs of letters with a lower case: (first, last, every, delta), in order.\n\
         pub(crate) const LOWER_CASE_RUNS: &[(u32, u32, u32, i32)] = &[\n",
    );
    for (first, last, every, delta) in runs {
        let _ = writeln!(out, "    ({first:#x}, {last:#x}, {every}, {delta}),");
    }
    out.push_str("];\n");
    let path = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("lower_case_runs.rs");
    std::fs::write(path, out).expect("the build's own directory is writable");
    println!("cargo::rerun-if-changed=build.rs");
}
