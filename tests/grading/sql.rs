//! The SQL grader on the library's SQL challenges: result comparison,
//! diffs, read-only queries, statement mode with verification and plans.

use rehearse::grading::Verdict;
use serde_json::json;

use crate::helpers::{grade_sql, library, test};

const RIGHT: &str = "SELECT c.name, SUM(i.quantity * i.unit_cents) AS spent_cents
FROM customers c JOIN orders o ON o.customer_id = c.id JOIN order_items i ON i.order_id = o.id
WHERE o.status IN ('paid', 'shipped') GROUP BY c.id HAVING spent_cents >= 10000
ORDER BY spent_cents DESC, c.name";

#[test]
fn a_right_query_is_accepted_on_every_dataset_with_its_cost() {
    let report = grade_sql(&library("big-spenders"), RIGHT);
    assert_eq!(report.verdict, Verdict::Accepted, "{report:#?}");
    assert_eq!(report.tests.len(), 2);
    assert!(report.tests.iter().all(|t| t.fuel > 0));
}

#[test]
fn wrong_rows_come_with_a_diff_on_the_visible_dataset_only() {
    let everything = RIGHT.replace("WHERE o.status IN ('paid', 'shipped')", "");
    let report = grade_sql(&library("big-spenders"), &everything);
    let visible = test(&report, "sample shop");
    assert_eq!(visible.verdict, Verdict::WrongAnswer);
    let diff = visible.diff.as_ref().expect("a diff");
    assert_eq!(
        diff.unexpected,
        vec![
            vec![json!("Barbara"), json!(59999)],
            vec![json!("Edsger"), json!(30000)]
        ]
    );
    assert!(diff.missing.is_empty());
    let hidden = test(&report, "busy shop");
    assert_eq!(hidden.message, "wrong answer");
    assert!(hidden.diff.is_none() && hidden.expected.is_none() && hidden.actual.is_none());
}

#[test]
fn order_and_column_names_are_checked_when_the_statement_asks() {
    let unordered = RIGHT.replace("ORDER BY spent_cents DESC, c.name", "ORDER BY c.name");
    let report = grade_sql(&library("big-spenders"), &unordered);
    let visible = test(&report, "sample shop");
    assert!(
        visible.message.contains("not in the order asked for"),
        "{}",
        visible.message
    );
    let renamed = RIGHT
        .replace("AS spent_cents", "AS total")
        .replace("HAVING spent_cents", "HAVING total")
        .replace("BY spent_cents", "BY total");
    let report = grade_sql(&library("big-spenders"), &renamed);
    assert!(test(&report, "sample shop")
        .message
        .contains("named `spent_cents`"));
}

#[test]
fn queries_that_change_data_or_do_not_parse_are_refused_clearly() {
    let challenge = library("big-spenders");
    let report = grade_sql(&challenge, "DELETE FROM orders");
    assert_eq!(report.verdict, Verdict::RuntimeError);
    assert!(test(&report, "sample shop")
        .message
        .contains("would change the database"));
    let report = grade_sql(&challenge, "SELEC name FROM customers");
    assert!(
        test(&report, "sample shop")
            .message
            .starts_with("SQL error: near \"SELEC\""),
        "{report:#?}"
    );
    let report = grade_sql(&challenge, "SELECT 1; DROP TABLE customers");
    assert!(test(&report, "sample shop")
        .message
        .contains("only one SQL statement"));
}

#[test]
fn an_endless_recursive_query_runs_out_of_time() {
    let endless =
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*), 0 FROM n";
    let report = grade_sql(&library("big-spenders"), endless);
    assert_eq!(report.verdict, Verdict::TimeLimitExceeded);
}

#[test]
fn statement_mode_checks_the_data_after_the_statement() {
    let challenge = library("restock-upsert");
    let report = grade_sql(
        &challenge,
        &std::fs::read_to_string("challenges/restock-upsert/solutions/reference.sql")
            .expect("reference"),
    );
    assert_eq!(report.verdict, Verdict::Accepted);
    let report = grade_sql(&challenge, "DELETE FROM inventory");
    assert_eq!(report.verdict, Verdict::WrongAnswer);
    assert!(test(&report, "small warehouse").message.contains("missing"));
}

#[test]
fn an_index_challenge_reads_the_query_plan() {
    let challenge = library("index-order-lookup");
    let good = grade_sql(&challenge, "CREATE INDEX i ON orders (customer_id, status)");
    assert_eq!(good.verdict, Verdict::Accepted, "{good:#?}");
    let useless = grade_sql(&challenge, "CREATE INDEX i ON orders (total_cents)");
    let message = &test(&useless, "sample orders").message;
    assert!(
        message.contains("scans a whole table") && message.contains("SCAN orders"),
        "{message}"
    );
}
