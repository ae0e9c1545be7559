//! The files a new draft starts from: a small, complete package of its
//! kind that already passes its checks, so an author edits something that
//! works instead of assembling the format from memory.

use std::collections::BTreeMap;

use crate::domain::Kind;

fn files(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(p, t)| (p.to_string(), t.to_string()))
        .collect()
}

pub fn for_kind(kind: Kind) -> BTreeMap<String, String> {
    match kind {
        Kind::Code => files(&[
            (
                "challenge.toml",
                "kind = \"code\"\ntitle = \"New challenge\"\ndifficulty = \"easy\"\nskills = [\"arrays-hashing\"]\ntags = []\n\n[limits]\ntime_ms = 100\n\n[code]\nmode = \"function\"\nsignature = \"largest(nums: list<int>) -> int\"\n",
            ),
            (
                "statement.md",
                "Return the largest value in `nums`.\n\n### Example\n\n```\nnums = [3, 9, 2]\nanswer: 9\n```\n\n### Constraints\n\n- `1 <= len(nums) <= 100000`\n",
            ),
            (
                "tests.json",
                "[\n  {\"name\": \"example\", \"sample\": true, \"input\": {\"nums\": [3, 9, 2]}, \"expected\": 9},\n  {\"name\": \"negatives\", \"input\": {\"nums\": [-5, -2, -9]}, \"expected\": -2},\n  {\"name\": \"one value\", \"input\": {\"nums\": [7]}, \"expected\": 7}\n]\n",
            ),
            (
                "solutions/max.py",
                "class Solution:\n    def largest(self, nums: List[int]) -> int:\n        return max(nums)\n",
            ),
            (
                "wrong/first.py",
                "# Returns the first value, not the largest.\nclass Solution:\n    def largest(self, nums: List[int]) -> int:\n        return nums[0]\n",
            ),
        ]),
        Kind::Sql => files(&[
            (
                "challenge.toml",
                "kind = \"sql\"\ntitle = \"New SQL challenge\"\ndifficulty = \"easy\"\nskills = [\"sql-querying\"]\ntags = []\n\n[sql]\nmode = \"query\"\norder_matters = true\ncolumn_names = true\ndatasets = [\n  { name = \"sample\", file = \"datasets/sample.sql\" },\n  { name = \"hidden\", file = \"datasets/hidden.sql\", hidden = true },\n]\n",
            ),
            (
                "statement.md",
                "List the `name` of every product that costs more than 10.00 (`price_cents > 1000`), alphabetically.\n",
            ),
            (
                "schema.sql",
                "CREATE TABLE products (\n    id INTEGER PRIMARY KEY,\n    name TEXT NOT NULL,\n    price_cents INTEGER NOT NULL\n);\n",
            ),
            (
                "datasets/sample.sql",
                "INSERT INTO products VALUES (1, 'Lamp', 2500), (2, 'Pen', 150), (3, 'Desk', 12000);\n",
            ),
            (
                "datasets/hidden.sql",
                "INSERT INTO products VALUES (1, 'Cable', 1000), (2, 'Chair', 1001), (3, 'Box', 99999), (4, 'Tape', 50);\n",
            ),
            (
                "solutions/reference.sql",
                "SELECT name FROM products WHERE price_cents > 1000 ORDER BY name\n",
            ),
            (
                "wrong/at_least.sql",
                "-- Includes products costing exactly 10.00.\nSELECT name FROM products WHERE price_cents >= 1000 ORDER BY name\n",
            ),
        ]),
        Kind::Design => files(&[
            (
                "challenge.toml",
                "kind = \"design\"\ntitle = \"New design challenge\"\ndifficulty = \"medium\"\nskills = [\"system-design\"]\ntags = []\n",
            ),
            (
                "statement.md",
                "Design a service that … State the numbers to assume (users, requests, sizes) so that estimates can be checked.\n",
            ),
            (
                "rubric.toml",
                "expected_words = 400\n\n[[criterion]]\nid = \"requirements\"\nlabel = \"States the requirements\"\nkind = \"section\"\nsection = \"requirements\"\nmin_words = 30\nweight = 1\nwhy = \"Scope first.\"\n\n[[criterion]]\nid = \"cache\"\nlabel = \"Caches hot reads\"\nkind = \"concept\"\nsection = \"high_level\"\nterms = [\"cache\", \"redis\"]\nweight = 2\nwhy = \"Reads dominate.\"\n",
            ),
        ]),
    }
}
