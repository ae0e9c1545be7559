//! `GET /rooms/{id}/live`: the WebSocket a room page edits through. The
//! browser speaks the y-sync protocol (binary frames); the room's side of
//! it is `rooms::live`. This handler only authenticates, checks the
//! origin, and pumps frames both ways.

use actix_web::{web, HttpRequest, HttpResponse};
use actix_ws::{AggregatedMessage, CloseCode, CloseReason};
use tokio::sync::broadcast::error::RecvError;

use crate::rooms::live::MAX_MESSAGE_BYTES;
use crate::web::api::rooms::parse_id;
use crate::web::auth::Auth;
use crate::web::error::AppError;
use crate::web::AppState;

/// A browser sends cookies with a WebSocket to any site that opens one,
/// and no CSRF token rides along: so a socket opened from another origin
/// is refused, or any page could edit a room as its visitor.
fn same_origin(req: &HttpRequest) -> bool {
    let Some(origin) = req.headers().get("origin").and_then(|o| o.to_str().ok()) else {
        // Not a browser (browsers always send Origin with a WebSocket):
        // the API token or cookie still has to be valid.
        return true;
    };
    let host = req.connection_info().host().to_owned();
    origin
        .split_once("://")
        .is_some_and(|(_, rest)| rest.trim_end_matches('/') == host)
}

pub async fn connect(
    req: HttpRequest,
    body: web::Payload,
    state: web::Data<AppState>,
    auth: Auth,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    if !same_origin(&req) {
        return Err(AppError::Forbidden);
    }
    let (live, mut participant) = state
        .rooms
        .connect(&auth.identity.user, parse_id(&id)?)
        .await?;
    let hub = state.rooms.hub().clone();
    let (response, mut session, stream) =
        actix_ws::handle(&req, body).map_err(|e| AppError::BadRequest(e.to_string()))?;
    let mut stream = stream
        .max_frame_size(MAX_MESSAGE_BYTES)
        .aggregate_continuations()
        .max_continuation_size(MAX_MESSAGE_BYTES);
    let mut outgoing = live.subscribe();
    actix_web::rt::spawn(async move {
        let mut close = None;
        'greet: {
            for message in live.greeting() {
                if session.binary(message).await.is_err() {
                    break 'greet;
                }
            }
            loop {
                tokio::select! {
                    incoming = stream.recv() => match incoming {
                        Some(Ok(AggregatedMessage::Binary(data))) => {
                            match live.receive(&mut participant, &data) {
                                Ok(replies) => {
                                    for reply in replies {
                                        if session.binary(reply).await.is_err() {
                                            break 'greet;
                                        }
                                    }
                                }
                                Err(e) => {
                                    tracing::info!(room = %live.id(), error = %e, "room connection closed on a bad message");
                                    close = Some(CloseReason {
                                        code: CloseCode::Invalid,
                                        description: Some(e.to_string()),
                                    });
                                    break 'greet;
                                }
                            }
                        }
                        Some(Ok(AggregatedMessage::Ping(data))) => {
                            if session.pong(&data).await.is_err() {
                                break 'greet;
                            }
                        }
                        Some(Ok(AggregatedMessage::Text(_) | AggregatedMessage::Pong(_))) => {}
                        Some(Ok(AggregatedMessage::Close(_))) | Some(Err(_)) | None => break 'greet,
                    },
                    sent = outgoing.recv() => match sent {
                        Ok(message) if message.from == participant.id => {}
                        Ok(message) => {
                            if session.binary(message.bytes).await.is_err() {
                                break 'greet;
                            }
                        }
                        // Too far behind: the browser reconnects and syncs.
                        Err(RecvError::Lagged(_)) => {
                            close = Some(CloseReason {
                                code: CloseCode::Again,
                                description: Some("fell behind; reconnect".into()),
                            });
                            break 'greet;
                        }
                        Err(RecvError::Closed) => break 'greet,
                    },
                }
            }
        }
        hub.leave(&live, &participant);
        let _ = session.close(close).await;
    });
    Ok(response)
}
