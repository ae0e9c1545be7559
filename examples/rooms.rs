//! `make bench` (live rooms part): how quickly one participant's typing
//! reaches the other, through the real server — WebSocket, y-sync, the
//! room's document and its log — with many rooms busy at once.
//!
//! 20 rooms × 2 participants; each participant types 5 edits a second for
//! 30 s (a short token at the end of the shared text, as typing appends).
//! The figure is the time from sending an edit to the other participant
//! having applied it: median, p99 and max over every edit. Memory is the
//! process's resident size before the rooms open and once they are all
//! busy, divided by the rooms (the clients' own documents are in the same
//! process, so it is an upper bound for the server's share).
//!
//! Settings: `ROOMS`, `SECONDS`, `EDITS_PER_SECOND` (environment).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use rehearse::catalog::Catalog;
use rehearse::config::Settings;
use rehearse::startup::{self, Application};
use serde_json::{json, Value};
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message as Frame;
use yrs::encoding::read::Cursor;
use yrs::sync::protocol::{MessageReader, SyncMessage};
use yrs::sync::Message;
use yrs::updates::decoder::{Decode, DecoderV1};
use yrs::updates::encoder::Encode;
use yrs::{Doc, GetString, ReadTxn, Text, Transact, Update};

const PASSWORD: &str = "benchmark password 1";
const CODE: &str = "code/0/python";

fn setting(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn resident_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

async fn token(client: &reqwest::Client, base: &str, name: &str) -> String {
    let email = format!("{name}-{}@example.com", rand::random::<u32>());
    client
        .post(format!("{base}/api/v1/users"))
        .json(&json!({ "email": email, "display_name": name, "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    let body: Value = client
        .post(format!("{base}/api/v1/auth/token"))
        .json(&json!({ "email": email, "password": PASSWORD }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    body["token"]["token"].as_str().unwrap().to_owned()
}

/// The send times of edits not yet seen by the other side, by (room,
/// participant, sequence number).
type Sent = Arc<Mutex<HashMap<(usize, usize, u64), Instant>>>;

/// What every participant shares: where the server is, the pace, the
/// clock of sent edits, and the barrier that starts everyone at once.
#[derive(Clone)]
struct Run {
    base: String,
    edits: u64,
    every: Duration,
    sent: Sent,
    start: Arc<tokio::sync::Barrier>,
}

async fn participant(
    run: Run,
    token: String,
    room: String,
    index: (usize, usize),
) -> Vec<Duration> {
    let Run {
        base,
        edits,
        every,
        sent,
        start,
    } = run;
    let (room_no, me) = index;
    let other = 1 - me;
    let mut request = format!("{}/rooms/{room}/live", base.replace("http://", "ws://"))
        .into_client_request()
        .unwrap();
    request
        .headers_mut()
        .insert("Authorization", format!("Bearer {token}").parse().unwrap());
    let (socket, _) = tokio_tungstenite::connect_async(request).await.unwrap();
    let (mut write, mut read) = socket.split();
    let doc = Doc::new();
    let sv = doc.transact().state_vector();
    write
        .send(Frame::Binary(
            Message::Sync(SyncMessage::SyncStep1(sv)).encode_v1().into(),
        ))
        .await
        .unwrap();
    let doc = Arc::new(doc);
    let (out_tx, mut out_rx) = tokio::sync::mpsc::unbounded_channel::<Vec<u8>>();
    let writer = tokio::spawn(async move {
        while let Some(bytes) = out_rx.recv().await {
            if write.send(Frame::Binary(bytes.into())).await.is_err() {
                break;
            }
        }
    });
    start.wait().await;

    // Typing: one token per edit, at the end of the text.
    let typer = {
        let doc = doc.clone();
        let out = out_tx.clone();
        let sent = sent.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(every);
            for seq in 0..edits {
                tick.tick().await;
                let update = {
                    let text = doc.get_or_insert_text(CODE);
                    let before = doc.transact().state_vector();
                    let mut txn = doc.transact_mut();
                    let end = text.len(&txn);
                    text.insert(&mut txn, end, &format!("<{me}:{seq}>"));
                    drop(txn);
                    doc.transact().encode_state_as_update_v1(&before)
                };
                sent.lock()
                    .unwrap()
                    .insert((room_no, me, seq), Instant::now());
                let message = Message::Sync(SyncMessage::Update(update)).encode_v1();
                if out.send(message).is_err() {
                    break;
                }
            }
        })
    };

    // Reading: apply, then time every token of the other side that has
    // appeared.
    let mut latencies = Vec::new();
    let mut next = 0u64;
    let deadline = Instant::now() + every * edits as u32 + Duration::from_secs(10);
    // Reading goes on until this side has also sent all its edits: the
    // server writes to each connection in order, so a client that stopped
    // reading would hold up the processing of its own last edits.
    while (next < edits || !typer.is_finished()) && Instant::now() < deadline {
        let frame = match tokio::time::timeout(Duration::from_millis(500), read.next()).await {
            Ok(Some(Ok(frame))) => frame,
            Ok(_) => break,
            Err(_) => continue,
        };
        let Frame::Binary(data) = frame else { continue };
        let mut replies = Vec::new();
        {
            let mut decoder = DecoderV1::new(Cursor::new(&data));
            for message in MessageReader::new(&mut decoder) {
                match message.unwrap() {
                    Message::Sync(SyncMessage::SyncStep1(sv)) => {
                        let update = doc.transact().encode_state_as_update_v1(&sv);
                        replies.push(Message::Sync(SyncMessage::SyncStep2(update)).encode_v1());
                    }
                    Message::Sync(SyncMessage::SyncStep2(u) | SyncMessage::Update(u)) => {
                        doc.transact_mut()
                            .apply_update(Update::decode_v1(&u).unwrap())
                            .unwrap();
                    }
                    _ => {}
                }
            }
        }
        for reply in replies {
            let _ = out_tx.send(reply);
        }
        let text = {
            let txn = doc.transact();
            txn.get_text(CODE)
                .map(|t| t.get_string(&txn))
                .unwrap_or_default()
        };
        while text.contains(&format!("<{other}:{next}>")) {
            if let Some(at) = sent.lock().unwrap().remove(&(room_no, other, next)) {
                latencies.push(at.elapsed());
            }
            next += 1;
        }
    }
    if next < edits {
        eprintln!("room {room_no}, participant {me}: saw {next} of the other's {edits} edits");
    }
    typer.await.unwrap();
    drop(out_tx);
    let _ = writer.await;
    latencies
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let rooms = setting("ROOMS", 20) as usize;
    let seconds = setting("SECONDS", 30);
    let rate = setting("EDITS_PER_SECOND", 5);
    let data = tempfile::tempdir().unwrap();
    let settings = Settings {
        port: 0,
        data_dir: data.path().to_path_buf(),
        import_library: false,
        workers: Some(0),
        rooms_open_to_candidates: true,
        signup_ip_burst: 1_000,
        ..Settings::default()
    };
    let db = startup::open_database(&settings).await.unwrap();
    let catalog = Catalog::new(db, startup::grader(&settings).unwrap());
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/packages/sum-list");
    tokio::task::spawn_blocking(move || catalog.import_package(&dir, &Default::default()).unwrap())
        .await
        .unwrap();
    let app = Application::build(settings).await.unwrap();
    let base = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::new();
    let interviewer = token(&client, &base, "Interviewer").await;
    let candidate = token(&client, &base, "Candidate").await;

    let before = resident_kib();
    let mut ids = Vec::new();
    for i in 0..rooms {
        let room: Value = client
            .post(format!("{base}/api/v1/rooms"))
            .bearer_auth(&interviewer)
            .json(&json!({ "title": format!("Bench room {i}"), "problems": ["sum-list"] }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let invite = room["room"]["invite_path"].as_str().unwrap();
        let token = invite.trim_start_matches("/rooms/join/");
        client
            .post(format!("{base}/api/v1/rooms/join"))
            .bearer_auth(&candidate)
            .json(&json!({ "token": token }))
            .send()
            .await
            .unwrap();
        ids.push(room["room"]["id"].as_str().unwrap().to_owned());
    }

    let edits = seconds * rate;
    let every = Duration::from_millis(1000 / rate.max(1));
    let run = Run {
        base: base.clone(),
        edits,
        every,
        sent: Arc::default(),
        start: Arc::new(tokio::sync::Barrier::new(rooms * 2)),
    };
    let mut tasks = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        for (me, who) in [&interviewer, &candidate].into_iter().enumerate() {
            tasks.push(tokio::spawn(participant(
                run.clone(),
                who.clone(),
                id.clone(),
                (i, me),
            )));
        }
    }
    // Halfway through, every room is open and busy.
    let busy = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_secs(seconds / 2)).await;
        resident_kib()
    });
    let mut all = Vec::new();
    for task in tasks {
        all.extend(task.await.unwrap());
    }
    let during = busy.await.unwrap();
    all.sort();
    let expected = rooms as u64 * 2 * edits;
    println!(
        "rooms: {rooms} rooms × 2 participants, {rate} edits/s each for {seconds} s ({} of {expected} edits arrived)",
        all.len()
    );
    println!(
        "  edit → applied by the other participant: median {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        percentile(&all, 0.5).as_secs_f64() * 1e3,
        percentile(&all, 0.99).as_secs_f64() * 1e3,
        all.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
    );
    println!(
        "  resident memory: {:.1} MiB before, {:.1} MiB with every room busy: {:.0} KiB per room (clients included)",
        before as f64 / 1024.0,
        during as f64 / 1024.0,
        during.saturating_sub(before) as f64 / rooms as f64,
    );
}
