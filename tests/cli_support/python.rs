//! Reading a file back with a Python library that is not ours (python-docx,
//! openpyxl). A missing library skips the test with a notice, except under
//! `CI`, where it fails: `.ci/run` installs both.

use std::path::Path;
use std::process::Command;

/// Whether `python3` can import `module`; under `CI` its absence fails.
pub fn has(module: &str, package: &str) -> bool {
    let ok = Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "{package} is missing under CI: `.ci/run` installs it (pip install {package})"
        );
        eprintln!(
            "NOTICE: {package} is not installed (pip install {package}); skipping a read-back test"
        );
    }
    ok
}

/// Run `script` on `file` and parse the JSON it prints.
pub fn read_back(script: &str, file: &Path) -> serde_json::Value {
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}
