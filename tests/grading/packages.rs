//! Loading packages: every defect is reported with its file and place, and
//! a defective package yields nothing. Each case copies a good package,
//! breaks one thing, and checks the message.

use std::path::{Path, PathBuf};

use rehearse::challenges::{find_packages, load_package, Problem};

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read_dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// Copies `source` (relative to the repository) to a temp folder named
/// `folder`, lets `change` break it, and returns the problems found.
fn problems(source: &str, folder: &str, change: impl FnOnce(&Path)) -> Vec<String> {
    let temp = tempfile::tempdir().expect("tempdir");
    let dir = temp.path().join(folder);
    copy_dir(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(source),
        &dir,
    );
    change(&dir);
    match load_package(&dir, rehearse::harness::SUPPORT) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(Problem::to_string).collect(),
    }
}

fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains(from), "{file} has no {from:?}");
    std::fs::write(path, text.replacen(from, to, 1)).expect("write");
}

fn check(source: &str, change: impl FnOnce(&Path), expected: &str) {
    let folder = Path::new(source)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("p")
        .to_owned();
    let found = problems(source, &folder, change);
    assert!(
        found.iter().any(|p| p == expected),
        "expected {expected:?}\nfound {found:#?}"
    );
}

const CODE: &str = "tests/packages/sum-list";

#[test]
fn a_good_package_loads() {
    assert!(problems(CODE, "sum-list", |_| {}).is_empty());
}

#[test]
fn manifest_errors_name_the_line_or_field() {
    check(
        CODE,
        |d| {
            edit(
                d,
                "challenge.toml",
                "title = \"Sum a List\"",
                "title = \"Sum a List",
            )
        },
        "sum-list/challenge.toml: line 2, column 20: invalid basic string",
    );
    check(CODE, |d| edit(d, "challenge.toml", "[limits]", "colour = \"red\"\n\n[limits]"),
        "sum-list/challenge.toml: line 6, column 1: unknown field `colour`, expected one of `kind`, `title`, `difficulty`, `skills`, `tags`, `points`, `limits`, `code`, `sql`, `design`, `constraints`");
    check(CODE, |d| edit(d, "challenge.toml", "list<int>", "list<integer>"),
        "sum-list/challenge.toml: code.signature: parameter `nums`: unknown type `integer`; known: int, long, float, bool, char, string, list<T>, map<string,T>, optional<T>, linked_list, tree, void");
    check(CODE, |d| edit(d, "challenge.toml", "\"arrays-hashing\"", "\"array-hashing\""),
        "sum-list/challenge.toml: skills: unknown skill `array-hashing` (did you mean `arrays-hashing`?)");
    check(
        CODE,
        |d| {
            edit(
                d,
                "challenge.toml",
                "difficulty = \"easy\"",
                "difficulty = \"trivial\"",
            )
        },
        "sum-list/challenge.toml: difficulty: `trivial`: expected easy, medium or hard",
    );
    check(
        CODE,
        |d| edit(d, "challenge.toml", "time_ms = 20", "time_ms = 999999"),
        "sum-list/challenge.toml: limits.time_ms: the time limit is 10–20000 ms per test",
    );
    check(CODE, |d| edit(d, "challenge.toml", "-> long", ""),
        "sum-list/challenge.toml: code.signature: a function must return its answer (`-> type`); in-place changes cannot be checked");
}

#[test]
fn test_errors_name_the_test_and_the_value() {
    check(
        CODE,
        |d| edit(d, "tests.json", "[1, 2, 3]", "[1, \"two\", 3]"),
        "sum-list/tests.json: test 1 (small): input.nums: expected an int at [1], found \"two\"",
    );
    check(
        CODE,
        |d| edit(d, "tests.json", "\"expected\": 6}", "\"expected\": 6,}"),
        "sum-list/tests.json: line 2, column 81: trailing comma",
    );
    check(
        CODE,
        |d| {
            edit(
                d,
                "tests.json",
                "{\"nums\": []}",
                "{\"nums\": [], \"extra\": 1}",
            )
        },
        "sum-list/tests.json: test 2 (empty): input has `extra`, which is not a parameter",
    );
    check(
        CODE,
        |d| {
            edit(
                d,
                "tests.json",
                "\"input\": {\"nums\": [-5, 2]}",
                "\"input\": {}",
            )
        },
        "sum-list/tests.json: test 3 (negative): input has no `nums`",
    );
    check(CODE, |d| edit(d, "tests.json", "\"sample\": true,", ""),
        "sum-list/tests.json: mark at least one test `\"sample\": true` so candidates see an example");
    check(CODE, |d| edit(d, "tests.json", "\"name\": \"four\",", "\"name\": \"four\", \"generate\": [\"generators/missing.py\"],"),
        "sum-list/tests.json: test 5 (four): a generated test has no input or expected answer of its own: the generator makes the input and the reference solution the answer");
}

#[test]
fn constraints_must_name_parameters_and_hold_for_every_test() {
    check(
        CODE,
        |d| edit(d, "challenge.toml", "nums = {", "numbers = {"),
        "sum-list/challenge.toml: constraints.numbers: no parameter is called `numbers`",
    );
    check(
        CODE,
        |d| edit(d, "challenge.toml", "length = [0, 1000]", "length = [0, 3]"),
        "sum-list/tests.json: test 5 (four): the input breaks the constraints: nums has length 4; the constraints allow 0–3",
    );
    check(
        CODE,
        |d| edit(d, "challenge.toml", "values = [", "chars = \"a-z\", values = ["),
        "sum-list/challenge.toml: constraints.nums: `chars` needs strings, and `list<int>` holds none",
    );
    check(
        "challenges/big-spenders",
        |d| {
            let path = d.join("challenge.toml");
            let text = std::fs::read_to_string(&path).expect("read");
            std::fs::write(
                path,
                format!("{text}\n[constraints]\nx = {{ length = [1, 2] }}\n"),
            )
            .expect("write");
        },
        "big-spenders/challenge.toml: constraints: only code challenges declare input constraints",
    );
}

#[test]
fn statements_too_deeply_nested_to_render_are_refused() {
    check(
        CODE,
        |d| std::fs::write(d.join("statement.md"), format!("Sum it.\n\n{}deep\n", "> ".repeat(500))).expect("write"),
        "sum-list/statement.md: line 3: blocks nested 500 deep (quotes, lists or indentation); at most 32",
    );
}

#[test]
fn missing_or_stray_files_are_reported() {
    check(
        CODE,
        |d| std::fs::remove_file(d.join("statement.md")).expect("rm"),
        "sum-list/statement.md: file not found",
    );
    check(
        CODE,
        |d| std::fs::write(d.join("solutions/sum.rb"), "puts 1").expect("write"),
        "sum-list/solutions/sum.rb: unknown extension; expected .py, .js, .rs, .c, .cpp or .sql",
    );
    check(
        CODE,
        |d| std::fs::remove_file(d.join("solutions/sum.py")).expect("rm"),
        "sum-list/solutions: add at least one reference solution (solutions/<name>.<ext>)",
    );
    let found = problems(CODE, "Sum_List", |_| {});
    assert!(found.contains(&"Sum_List/: folder name: `Sum_List` is not a valid slug: use 1–64 lower-case letters, digits and single dashes".to_owned()), "{found:#?}");
}

#[test]
fn every_problem_is_reported_at_once() {
    let found = problems(CODE, "sum-list", |d| {
        edit(d, "challenge.toml", "\"arrays-hashing\"", "\"nope\"");
        edit(d, "tests.json", "[1, 2, 3]", "[1, null]");
        std::fs::remove_file(d.join("statement.md")).expect("rm");
    });
    assert_eq!(found.len(), 3, "{found:#?}");
}

#[test]
fn sql_and_design_packages_are_checked_too() {
    check("challenges/big-spenders", |d| edit(d, "challenge.toml", "hidden = true", "hidden = false"),
        "big-spenders/challenge.toml: sql.datasets: give at least two datasets: one visible, and one `hidden = true` so that hard-coded answers fail");
    check(
        "challenges/big-spenders",
        |d| {
            edit(
                d,
                "challenge.toml",
                "file = \"datasets/busy.sql\"",
                "file = \"../busy.sql\"",
            )
        },
        "big-spenders/../busy.sql: paths must be relative and stay inside the package",
    );
    check("challenges/url-shortener", |d| edit(d, "rubric.toml", "section = \"api\"", "section = \"endpoints\""),
        "url-shortener/rubric.toml: criterion[5] (api).section: unknown section `endpoints`; expected one of requirements, estimates, api, data_model, high_level, deep_dives, tradeoffs");
    check("challenges/url-shortener", |d| edit(d, "rubric.toml", "value = 46", "value = -46"),
        "url-shortener/rubric.toml: criterion[1] (write-rate).value: an estimate needs a positive `value`");
}

#[test]
fn a_library_folder_expands_into_its_packages() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/packages");
    let found = find_packages(std::slice::from_ref(&root)).expect("packages");
    assert!(found.contains(&root.join("sum-list")));
    let error = find_packages(&[root.join("sum-list/solutions")]).unwrap_err();
    assert!(error[0]
        .to_string()
        .ends_with("no challenge.toml here or in any sub-folder"));
}
