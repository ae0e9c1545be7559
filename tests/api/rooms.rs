//! Live interview rooms: who may see and do what (notes and scorecards
//! never reach a candidate), and the shared document itself, driven over
//! the real WebSocket with the y-sync protocol as a browser speaks it:
//! two participants see each other's edits, the log rebuilds the document
//! after a restart, playback ends at the final text, and an ended room
//! takes no more changes.

use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message as Frame;
use yrs::encoding::read::Cursor;
use yrs::sync::protocol::{MessageReader, SyncMessage};
use yrs::sync::Message;
use yrs::updates::decoder::{Decode, DecoderV1};
use yrs::updates::encoder::Encode;
use yrs::{Doc, GetString, Map, ReadTxn, Text, Transact, Update, WriteTxn};

use crate::helpers::*;
use crate::on_both_backends;

const CODE: &str = "code/0/python";

async fn open_room(app: &TestApp, interviewer: &ApiUser) -> Value {
    let response = app
        .api_post(
            interviewer,
            "/api/v1/rooms",
            &json!({ "title": "Onsite with Sam", "problems": ["sum-list"] }),
        )
        .await;
    assert_eq!(response.status(), 201);
    json(response).await["room"].clone()
}

async fn join(app: &TestApp, candidate: &ApiUser, room: &Value) -> Value {
    let token = room["invite_path"]
        .as_str()
        .expect("interviewers see the invite")
        .trim_start_matches("/rooms/join/");
    let response = app
        .api_post(candidate, "/api/v1/rooms/join", &json!({ "token": token }))
        .await;
    assert_eq!(response.status(), 200);
    json(response).await["room"].clone()
}

/// A participant as a browser is one: a Yjs document kept in sync with
/// the room over its WebSocket.
struct Peer {
    socket: tokio_tungstenite::WebSocketStream<
        tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>,
    >,
    doc: Doc,
}

impl Peer {
    async fn connect(app: &TestApp, user: &ApiUser, room: &str) -> Peer {
        let url = format!(
            "{}/rooms/{room}/live",
            app.address.replace("http://", "ws://")
        );
        let mut request = url.into_client_request().unwrap();
        request.headers_mut().insert(
            "Authorization",
            format!("Bearer {}", user.token).parse().unwrap(),
        );
        let (socket, _) = tokio_tungstenite::connect_async(request)
            .await
            .expect("the room's WebSocket opens");
        let mut peer = Peer {
            socket,
            doc: Doc::new(),
        };
        // As y-websocket does: ask for what we lack.
        let sv = peer.doc.transact().state_vector();
        peer.send(Message::Sync(SyncMessage::SyncStep1(sv))).await;
        peer
    }

    async fn send(&mut self, message: Message) {
        self.socket
            .send(Frame::Binary(message.encode_v1().into()))
            .await
            .expect("send");
    }

    fn text(&self, name: &str) -> String {
        let txn = self.doc.transact();
        txn.get_text(name)
            .map(|t| t.get_string(&txn))
            .unwrap_or_default()
    }

    /// Applies what the server sends until `done` holds (answering its
    /// sync step 1 as a browser would); fails after ten seconds.
    async fn until(&mut self, what: &str, done: impl Fn(&Peer) -> bool) {
        self.until_within(10, what, done).await;
    }

    /// [`Self::until`], waiting up to `seconds`.
    async fn until_within(&mut self, seconds: u64, what: &str, done: impl Fn(&Peer) -> bool) {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(seconds);
        while !done(self) {
            let frame = tokio::time::timeout_at(deadline, self.socket.next())
                .await
                .unwrap_or_else(|_| {
                    panic!("timed out waiting for {what}; text: {:?}", self.text(CODE))
                })
                .expect("socket open")
                .expect("frame");
            let Frame::Binary(data) = frame else { continue };
            let mut replies = Vec::new();
            {
                let mut decoder = DecoderV1::new(Cursor::new(&data));
                for message in MessageReader::new(&mut decoder) {
                    match message.expect("a y-sync message") {
                        Message::Sync(SyncMessage::SyncStep1(sv)) => {
                            let update = self.doc.transact().encode_state_as_update_v1(&sv);
                            replies.push(Message::Sync(SyncMessage::SyncStep2(update)));
                        }
                        Message::Sync(SyncMessage::SyncStep2(u) | SyncMessage::Update(u)) => {
                            self.doc
                                .transact_mut()
                                .apply_update(Update::decode_v1(&u).unwrap())
                                .unwrap();
                        }
                        _ => {}
                    }
                }
            }
            for reply in replies {
                self.send(reply).await;
            }
        }
    }

    /// The server's nudge for an answer sent from the room: its status.
    fn nudge(&self, id: &str) -> Option<String> {
        let txn = self.doc.transact();
        match txn.get_map("console")?.get(&txn, id)? {
            yrs::Out::Any(yrs::Any::String(s)) => Some(s.to_string()),
            _ => None,
        }
    }

    /// Writes into the shared `console` map, as a tampering browser could.
    async fn forge_nudge(&mut self, key: &str, value: &str) {
        self.change(|txn| {
            txn.get_or_insert_map("console").insert(txn, key, value);
        })
        .await;
    }

    /// Replaces the whole of the shared text `name` with `text`.
    async fn replace_all(&mut self, name: &str, text: &str) {
        self.change(|txn| {
            let shared = txn.get_or_insert_text(name);
            let len = shared.len(txn);
            shared.remove_range(txn, 0, len);
            shared.insert(txn, 0, text);
        })
        .await;
    }

    /// Types `text` at the end of the shared text `name` and sends the
    /// change, as the editor binding does.
    async fn type_at_end(&mut self, name: &str, text: &str) {
        self.change(|txn| {
            let shared = txn.get_or_insert_text(name);
            let end = shared.len(txn);
            shared.insert(txn, end, text);
        })
        .await;
    }

    /// Makes a local change and sends it to the room, as a browser's
    /// provider does.
    async fn change(&mut self, f: impl FnOnce(&mut yrs::TransactionMut<'_>)) {
        let before = self.doc.transact().state_vector();
        f(&mut self.doc.transact_mut());
        let update = self.doc.transact().encode_state_as_update_v1(&before);
        self.send(Message::Sync(SyncMessage::Update(update))).await;
    }
}

/// The room's text as playback rebuilds it: every logged step applied in
/// order to a fresh document.
async fn replayed(app: &TestApp, user: &ApiUser, room: &str) -> String {
    use base64::Engine as _;
    let body = json(
        app.api_get(user, &format!("/api/v1/rooms/{room}/playback"))
            .await,
    )
    .await;
    let doc = Doc::new();
    for step in body["steps"].as_array().expect("steps") {
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(step["update"].as_str().unwrap())
            .unwrap();
        doc.transact_mut()
            .apply_update(Update::decode_v1(&bytes).unwrap())
            .unwrap();
    }
    let txn = doc.transact();
    txn.get_text(CODE)
        .map(|t| t.get_string(&txn))
        .unwrap_or_default()
}

on_both_backends! {
    async fn notes_and_scorecards_never_reach_the_candidate(app: TestApp) {
        app.import("tests/packages/sum-list").await;
        let sam = app.api_user("instructor").await;
        let cleo = app.api_user("candidate").await;
        let room = open_room(&app, &sam).await;
        let id = room["id"].as_str().unwrap();
        assert_eq!(room["state"], "scheduled");
        assert_eq!(room["role"], "interviewer");
        assert_eq!(room["problems"][0]["slug"], "sum-list");
        assert!(room["problems"][0]["languages"].as_array().unwrap().iter().any(|l| l["language"] == "python"));

        // Before joining, the room does not exist for Cleo.
        assert_eq!(app.api_get(&cleo, &format!("/api/v1/rooms/{id}")).await.status(), 404);

        let saved = app.api_send(&sam, reqwest::Method::PUT, &format!("/api/v1/rooms/{id}/notes"), &json!({
            "notes": "Asked about overflow before coding.",
            "scorecard": { "communication": { "score": 4, "comment": "Thinks aloud" }, "recommendation": "hire" }
        })).await;
        assert_eq!(saved.status(), 200);
        let saved = json(saved).await;
        assert_eq!(saved["scorecard"]["communication"]["score"], 4);
        assert_eq!(saved["scorecard"]["recommendation"], "hire");

        let joined = join(&app, &cleo, &room).await;
        assert_eq!(joined["role"], "candidate");
        assert!(joined.get("invite_path").is_none(), "a candidate does not get the invite: {joined}");
        let names: Vec<&str> = joined["members"].as_array().unwrap().iter().map(|m| m["role"].as_str().unwrap()).collect();
        assert_eq!(names, ["interviewer", "candidate"]);

        // Nothing of the notes, through any door the candidate has.
        for path in [
            format!("/api/v1/rooms/{id}/notes"),
        ] {
            assert_eq!(app.api_get(&cleo, &path).await.status(), 404, "{path}");
        }
        let write = app.api_send(&cleo, reqwest::Method::PUT, &format!("/api/v1/rooms/{id}/notes"), &json!({ "notes": "mine" })).await;
        assert_eq!(write.status(), 404);
        for action in ["start", "end"] {
            let response = app.api_post(&cleo, &format!("/api/v1/rooms/{id}/{action}"), &json!({})).await;
            assert_eq!(response.status(), 404, "{action}");
        }
        for body in [
            app.api_get(&cleo, &format!("/api/v1/rooms/{id}")).await.text().await.unwrap(),
            app.api_get(&cleo, "/api/v1/rooms").await.text().await.unwrap(),
        ] {
            assert!(!body.contains("overflow") && !body.contains("Thinks aloud") && !body.contains("scorecard"), "{body}");
        }
        // The interviewer's own reading still has them.
        let notes = json(app.api_get(&sam, &format!("/api/v1/rooms/{id}/notes")).await).await;
        assert_eq!(notes["notes"], "Asked about overflow before coding.");

        // Feedback and playback wait for the end, for candidates.
        assert_eq!(app.api_get(&cleo, &format!("/api/v1/rooms/{id}/feedback")).await.status(), 403);
        assert_eq!(app.api_get(&cleo, &format!("/api/v1/rooms/{id}/playback")).await.status(), 403);
        let started = json(app.api_post(&sam, &format!("/api/v1/rooms/{id}/start"), &json!({})).await).await;
        assert_eq!(started["room"]["state"], "live");
        let ended = json(app.api_post(&sam, &format!("/api/v1/rooms/{id}/end"), &json!({})).await).await;
        assert_eq!(ended["room"]["state"], "ended");
        assert_eq!(app.api_get(&cleo, &format!("/api/v1/rooms/{id}/playback")).await.status(), 200);

        // Now the candidate reads the feedback meant for them, never the notes.
        let sent = app.api_send(&sam, reqwest::Method::PUT, &format!("/api/v1/rooms/{id}/notes"), &json!({
            "notes": "Asked about overflow before coding.",
            "feedback": "Clear thinking aloud; test the empty list next time."
        })).await;
        assert_eq!(sent.status(), 200);
        let feedback = json(app.api_get(&cleo, &format!("/api/v1/rooms/{id}/feedback")).await).await;
        assert_eq!(feedback["feedback"][0]["feedback"], "Clear thinking aloud; test the empty list next time.");
        assert!(!feedback.to_string().contains("overflow"), "{feedback}");

        // An ended room takes no one new.
        let late = app.api_user("candidate").await;
        let token = room["invite_path"].as_str().unwrap().trim_start_matches("/rooms/join/");
        let refused = app.api_post(&late, "/api/v1/rooms/join", &json!({ "token": token })).await;
        assert_eq!(refused.status(), 409);
        assert_eq!(json(refused).await["error"]["code"], "room_ended");
    }
}

on_both_backends! {
    async fn opening_a_room_checks_who_and_what(app: TestApp) {
        app.import("tests/packages/sum-list").await;
        let cleo = app.api_user("candidate").await;
        let sam = app.api_user("instructor").await;
        let refused = app.api_post(&cleo, "/api/v1/rooms", &json!({ "title": "Peer", "problems": ["sum-list"] })).await;
        assert_eq!(refused.status(), 403, "candidates do not open rooms unless the server allows it");

        for (body, field) in [
            (json!({ "title": " ", "problems": ["sum-list"] }), "title"),
            (json!({ "title": "Round", "problems": [] }), "problems"),
            (json!({ "title": "Round", "problems": ["no-such-thing"] }), "problems"),
            (json!({ "title": "Round", "problems": ["sum-list", "sum-list"] }), "problems"),
        ] {
            let response = app.api_post(&sam, "/api/v1/rooms", &body).await;
            assert_eq!(response.status(), 422, "{body}");
            assert_eq!(json(response).await["error"]["field"], field, "{body}");
        }
        let room = open_room(&app, &sam).await;
        let id = room["id"].as_str().unwrap();
        let bad = app.api_send(&sam, reqwest::Method::PUT, &format!("/api/v1/rooms/{id}/notes"), &json!({
            "scorecard": { "testing": { "score": 5 } }
        })).await;
        assert_eq!(bad.status(), 422);
        let bad = json(bad).await;
        assert_eq!(bad["error"]["field"], "testing");
        assert!(bad["error"]["message"].as_str().unwrap().contains("1 to 4"), "{bad}");
        // Nothing was stored by the refused save.
        let notes = json(app.api_get(&sam, &format!("/api/v1/rooms/{id}/notes")).await).await;
        assert_eq!(notes["updated_at"], Value::Null);
        assert_eq!(app.api_post(&sam, "/api/v1/rooms/join", &json!({ "token": "nope" })).await.status(), 404);
    }
}

on_both_backends! {
    async fn two_people_edit_one_document_live_and_it_outlives_the_server(app: TestApp) {
        app.import("tests/packages/sum-list").await;
        let sam = app.api_user("instructor").await;
        let cleo = app.api_user("candidate").await;
        let room = open_room(&app, &sam).await;
        join(&app, &cleo, &room).await;
        let id = room["id"].as_str().unwrap().to_owned();
        let starter = room["problems"][0]["languages"].as_array().unwrap().iter()
            .find(|l| l["language"] == "python").unwrap()["starter"].as_str().unwrap().to_owned();

        // Both start from the starter code the room opened with.
        let mut interviewer = Peer::connect(&app, &sam, &id).await;
        interviewer.until("the starter code", |p| p.text(CODE) == starter).await;
        let mut candidate = Peer::connect(&app, &cleo, &id).await;
        candidate.until("the starter code", |p| p.text(CODE) == starter).await;

        // Each sees the other's typing.
        candidate.type_at_end(CODE, "        return sum(nums)\n").await;
        let after_candidate = format!("{starter}        return sum(nums)\n");
        interviewer.until("the candidate's edit", |p| p.text(CODE) == after_candidate).await;
        interviewer.type_at_end(CODE, "# why not a loop?\n").await;
        let both = format!("{after_candidate}# why not a loop?\n");
        candidate.until("the interviewer's edit", |p| p.text(CODE) == both).await;

        // A server that starts afresh on the same database rebuilds the
        // document from its log (written every half second).
        tokio::time::sleep(Duration::from_millis(1_500)).await;
        let restarted = spawn_on(app.database.clone(), test_settings(&app.database)).await;
        let mut back = Peer::connect(&restarted, &cleo, &id).await;
        back.until("the document after a restart", |p| p.text(CODE) == both).await;

        // Playback ends exactly at the final text.
        assert_eq!(replayed(&app, &sam, &id).await, both);

        // Once ended, the room is read-only: a change is not taken.
        let ended = app.api_post(&sam, &format!("/api/v1/rooms/{id}/end"), &json!({})).await;
        assert_eq!(ended.status(), 200);
        let mut reader = Peer::connect(&app, &cleo, &id).await;
        reader.until("the final document", |p| p.text(CODE) == both).await;
        reader.type_at_end(CODE, "sneaky()\n").await;
        tokio::time::sleep(Duration::from_millis(1_200)).await;
        assert_eq!(replayed(&app, &cleo, &id).await, both);
        let mut fresh = Peer::connect(&app, &sam, &id).await;
        fresh.until("the final document", |p| p.text(CODE) == both).await;
    }
}

on_both_backends! {
    async fn only_members_open_the_live_document(app: TestApp) {
        app.import("tests/packages/sum-list").await;
        let sam = app.api_user("instructor").await;
        let stranger = app.api_user("candidate").await;
        let room = open_room(&app, &sam).await;
        let id = room["id"].as_str().unwrap();
        let url = format!("{}/rooms/{id}/live", app.address.replace("http://", "ws://"));

        let mut request = url.clone().into_client_request().unwrap();
        request.headers_mut().insert("Authorization", format!("Bearer {}", stranger.token).parse().unwrap());
        let refused = tokio_tungstenite::connect_async(request).await;
        assert!(matches!(&refused, Err(tokio_tungstenite::tungstenite::Error::Http(r)) if r.status() == 404), "{refused:?}");

        // A page on another site cannot open it with the member's cookie.
        let mut request = url.clone().into_client_request().unwrap();
        request.headers_mut().insert("Authorization", format!("Bearer {}", sam.token).parse().unwrap());
        request.headers_mut().insert("Origin", "https://evil.example".parse().unwrap());
        let refused = tokio_tungstenite::connect_async(request).await;
        assert!(matches!(&refused, Err(tokio_tungstenite::tungstenite::Error::Http(r)) if r.status() == 403), "{refused:?}");

        // Signed out, it is a page like any other: off to log in first.
        let anonymous = tokio_tungstenite::connect_async(url).await;
        assert!(
            matches!(&anonymous, Err(tokio_tungstenite::tungstenite::Error::Http(r))
                if r.status() == 303 && r.headers()["location"].to_str().unwrap().starts_with("/login")),
            "{anonymous:?}"
        );
    }
}

on_both_backends! {
    async fn a_run_from_the_room_shows_its_outcome_to_everyone(app: TestApp) {
        app.import("tests/packages/sum-list").await;
        let sam = app.api_user("instructor").await;
        let cleo = app.api_user("candidate").await;
        let room = open_room(&app, &sam).await;
        join(&app, &cleo, &room).await;
        let id = room["id"].as_str().unwrap().to_owned();
        let mut interviewer = Peer::connect(&app, &sam, &id).await;
        let mut candidate = Peer::connect(&app, &cleo, &id).await;
        interviewer.until("the starter code", |p| !p.text(CODE).is_empty()).await;
        candidate.until("the starter code", |p| !p.text(CODE).is_empty()).await;

        const RIGHT: &str = "class Solution:\n    def sumList(self, nums):\n        return sum(nums)\n";
        candidate.replace_all(CODE, RIGHT).await;
        interviewer.until("the candidate's code", |p| p.text(CODE) == RIGHT).await;

        let answers = format!("/api/v1/rooms/{id}/answers");
        let sent = app.api_post(&cleo, &answers, &json!({ "position": 0, "mode": "submit" })).await;
        assert_eq!(sent.status(), 202);
        let submission = json(sent).await["id"].as_str().unwrap().to_owned();
        // The interviewer's page is nudged when it is graded, without
        // asking (the first grading compiles the Python runtime into this
        // test's fresh cache, which takes a while on a busy machine), and
        // reads the outcome from the room's console.
        interviewer.until_within(120, "the nudge that it was graded", |p| {
            p.nudge(&submission).as_deref() == Some("done")
        }).await;
        let console = json(app.api_get(&sam, &format!("/api/v1/rooms/{id}/console")).await).await;
        let entry = &console["entries"][0];
        assert_eq!(entry["id"], submission.as_str(), "{console}");
        assert_eq!(entry["verdict"], "accepted", "{entry}");
        assert_eq!(entry["mode"], "submit");
        assert_eq!(entry["by"], "Test Candidate");
        assert_eq!(entry["position"], 0);
        assert!(entry["summary"].as_str().unwrap().starts_with("Accepted"), "{entry}");

        // A browser writing into the shared document cannot fake a result:
        // the console comes from the server.
        candidate.forge_nudge("00000000-0000-7000-8000-000000000000", "done").await;
        interviewer.until("the forged nudge", |p| p.nudge("00000000-0000-7000-8000-000000000000").is_some()).await;
        let console = json(app.api_get(&sam, &format!("/api/v1/rooms/{id}/console")).await).await;
        assert_eq!(console["entries"].as_array().unwrap().len(), 1, "{console}");
        // It is the candidate's submission, with the room's code.
        let graded = app.wait_graded(&cleo, &submission).await;
        assert_eq!(graded["verdict"], "accepted");
        assert_eq!(graded["answer"]["source"], RIGHT);

        let bad = app.api_post(&cleo, &answers, &json!({ "position": 7, "mode": "run" })).await;
        assert_eq!(bad.status(), 422);
        assert_eq!(json(bad).await["error"]["field"], "position");
        let stranger = app.api_user("candidate").await;
        assert_eq!(app.api_post(&stranger, &answers, &json!({ "position": 0, "mode": "run" })).await.status(), 404);
        assert_eq!(app.api_get(&stranger, &format!("/api/v1/rooms/{id}/console")).await.status(), 404);
    }
}

/// Two serving processes on one PostgreSQL database: each participant
/// reaches a different one, and each sees the other's typing (the writer's
/// process notifies, the other reads the new rows of the room's log).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn participants_on_two_processes_see_each_others_edits_on_postgres() {
    let Some(first) = try_spawn_app(Backend::Postgres, |_| {}).await else {
        return;
    };
    let second = spawn_on(first.database.clone(), test_settings(&first.database)).await;
    first.import("tests/packages/sum-list").await;
    let sam = first.api_user("instructor").await;
    let cleo = first.api_user("candidate").await;
    let room = open_room(&first, &sam).await;
    join(&first, &cleo, &room).await;
    let id = room["id"].as_str().unwrap().to_owned();

    let mut interviewer = Peer::connect(&first, &sam, &id).await;
    interviewer
        .until("the starter code", |p| !p.text(CODE).is_empty())
        .await;
    // The starter reaches the log before the second process opens the room.
    tokio::time::sleep(Duration::from_millis(1_200)).await;
    let mut candidate = Peer::connect(&second, &cleo, &id).await;
    candidate
        .until("the starter code", |p| !p.text(CODE).is_empty())
        .await;

    candidate
        .type_at_end(CODE, "# typed on the second process\n")
        .await;
    interviewer
        .until("the edit made through the other process", |p| {
            p.text(CODE).ends_with("# typed on the second process\n")
        })
        .await;
    interviewer.type_at_end(CODE, "# and back\n").await;
    candidate
        .until("the reply through the first process", |p| {
            p.text(CODE).ends_with("# and back\n")
        })
        .await;
    assert_eq!(interviewer.text(CODE), candidate.text(CODE));
}

/// Peer practice: two candidates interview each other, swapping half-way,
/// and each reads the other's feedback (never their notes) at the end.
async fn peers_swap_and_leave_each_other_feedback(app: TestApp) {
    app.import("tests/packages/sum-list").await;
    app.import("tests/packages/even-split").await;
    let ada = app.api_user("candidate").await;
    let ben = app.api_user("candidate").await;
    let refused = app
        .api_post(
            &ada,
            "/api/v1/rooms",
            &json!({ "title": "Practice", "mode": "peer", "problems": ["sum-list"] }),
        )
        .await;
    assert_eq!(refused.status(), 422, "a peer room poses two problems");
    let opened = app
        .api_post(
            &ada,
            "/api/v1/rooms",
            &json!({ "title": "Practice", "mode": "peer", "problems": ["sum-list", "even-split"] }),
        )
        .await;
    assert_eq!(opened.status(), 201);
    let room = json(opened).await["room"].clone();
    let id = room["id"].as_str().unwrap().to_owned();
    assert_eq!(
        (room["mode"].as_str(), room["role"].as_str()),
        (Some("peer"), Some("peer"))
    );
    let joined = join(&app, &ben, &room).await;
    assert_eq!(joined["role"], "peer");
    // The owner interviews first, on the first problem.
    assert_eq!(joined["interviewing"], false);
    assert_eq!(joined["turn"]["position"], 0);
    // A third person is not let in.
    let third = app.api_user("candidate").await;
    let token = room["invite_path"]
        .as_str()
        .unwrap()
        .trim_start_matches("/rooms/join/");
    let crowded = app
        .api_post(&third, "/api/v1/rooms/join", &json!({ "token": token }))
        .await;
    assert_eq!(crowded.status(), 409);

    for (who, notes, feedback) in [
        (&ada, "ada's own notes", "Ben: good edge cases."),
        (&ben, "ben's own notes", "Ada: explain the plan first."),
    ] {
        let saved = app
            .api_send(
                who,
                reqwest::Method::PUT,
                &format!("/api/v1/rooms/{id}/notes"),
                &json!({ "notes": notes, "feedback": feedback }),
            )
            .await;
        assert_eq!(saved.status(), 200);
    }
    let swapped = json(
        app.api_post(&ben, &format!("/api/v1/rooms/{id}/swap"), &json!({}))
            .await,
    )
    .await["room"]
        .clone();
    assert_eq!(
        swapped["interviewing"], true,
        "after the swap the partner interviews"
    );
    assert_eq!(swapped["turn"]["position"], 1);
    assert!(swapped["swapped_at"].is_string());
    let again = app
        .api_post(&ada, &format!("/api/v1/rooms/{id}/swap"), &json!({}))
        .await;
    assert_eq!(again.status(), 409);

    assert_eq!(
        app.api_post(&ben, &format!("/api/v1/rooms/{id}/end"), &json!({}))
            .await
            .status(),
        200
    );
    let for_ada = json(
        app.api_get(&ada, &format!("/api/v1/rooms/{id}/feedback"))
            .await,
    )
    .await;
    assert_eq!(
        for_ada["feedback"].as_array().unwrap().len(),
        1,
        "{for_ada}"
    );
    assert_eq!(
        for_ada["feedback"][0]["feedback"],
        "Ada: explain the plan first."
    );
    assert!(!for_ada.to_string().contains("own notes"), "{for_ada}");
    // Each peer's notes stay theirs.
    let own = json(
        app.api_get(&ada, &format!("/api/v1/rooms/{id}/notes"))
            .await,
    )
    .await;
    assert_eq!(own["notes"], "ada's own notes");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn peers_swap_and_leave_each_other_feedback_sqlite() {
    let app = try_spawn_app(Backend::Sqlite, |s| s.rooms_open_to_candidates = true)
        .await
        .unwrap();
    peers_swap_and_leave_each_other_feedback(app).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn peers_swap_and_leave_each_other_feedback_postgres() {
    if let Some(app) = try_spawn_app(Backend::Postgres, |s| s.rooms_open_to_candidates = true).await
    {
        peers_swap_and_leave_each_other_feedback(app).await;
    }
}
