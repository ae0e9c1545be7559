//! The rooms service: live interview rooms.
//!
//! An interviewer opens a room on some problems and shares its invite
//! link; whoever follows the link while signed in joins as the candidate.
//! Both edit one shared document live (`live.rs`): one text per problem and
//! language, and a drawing board. Only interviewers start and end the room,
//! see the invite link, and read or write notes and scorecards — to anyone
//! else those do not exist (every such read answers "not found").
//!
//! Who may open rooms: instructors and admins, and candidates too when the
//! server's `rooms_open_to_candidates` setting allows it (peer practice).

pub mod live;

use std::sync::Arc;
use std::time::Duration;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::catalog::{visible_to, Catalog, CatalogError};
use crate::challenges::Slug;
use crate::db::rooms::{self as store, NewRoom, NotesRecord, RoomRecord};
use crate::db::{Db, DbError};
use crate::domain::{
    ChallengeId, Kind, Mode, Role, RoomId, RoomMode, RoomRole, RoomState, Scorecard, Status,
    SubmissionId, User, UserId, ValidationError, Verdict, MAX_NOTE_CHARS,
};
use crate::grading::Answer;
use crate::submissions::{NewAnswer, SubmissionError, SubmissionView, Submissions};

pub use live::{Hub, LiveError, LiveRoom, Participant};

/// The most problems one room may hold.
pub const MAX_PROBLEMS: usize = 6;
/// The longest room title, in characters.
pub const MAX_TITLE_CHARS: usize = 120;

#[derive(Debug, thiserror::Error)]
pub enum RoomError {
    #[error("no such room")]
    NotFound,
    #[error("{0}")]
    Forbidden(&'static str),
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    #[error("this room has ended")]
    Ended,
    #[error("{0}")]
    Conflict(&'static str),
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Catalog(#[from] CatalogError),
    #[error(transparent)]
    Live(#[from] LiveError),
    #[error(transparent)]
    Submission(#[from] SubmissionError),
}

#[derive(Debug, Clone)]
pub struct RoomSettings {
    /// Whether candidates may open rooms (peer practice), not only
    /// instructors and admins.
    pub open_to_candidates: bool,
}

/// What opening a room asks for.
#[derive(Debug, Clone)]
pub struct NewRoomRequest {
    pub title: String,
    pub mode: RoomMode,
    /// Challenge slugs, in the order they will be posed.
    pub problems: Vec<String>,
    pub starts_at: Option<DateTime<Utc>>,
}

/// A problem of a room, with what the room page needs to pose it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RoomProblem {
    pub position: usize,
    pub slug: String,
    pub title: String,
    #[schema(value_type = String)]
    pub kind: Kind,
    /// The statement, rendered and sanitised.
    pub statement_html: String,
    /// The languages it can be answered in, with their starter code.
    pub languages: Vec<RoomLanguage>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RoomLanguage {
    pub language: String,
    pub name: String,
    pub starter: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RoomMember {
    pub name: String,
    #[schema(value_type = String)]
    pub role: RoomRole,
    pub joined_at: DateTime<Utc>,
    /// Whether this member is the one asking.
    pub you: bool,
}

/// A room as one of its members sees it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RoomView {
    #[schema(value_type = String)]
    pub id: RoomId,
    pub title: String,
    /// `interview` or `peer`.
    #[schema(value_type = String)]
    pub mode: RoomMode,
    #[schema(value_type = String)]
    pub state: RoomState,
    /// The asker's part in the room.
    #[schema(value_type = String)]
    pub role: RoomRole,
    /// Whether the asker is the one interviewing now.
    pub interviewing: bool,
    /// In a peer room: who interviews whom now, on which problem.
    pub turn: Option<Turn>,
    /// When the peers swapped roles.
    pub swapped_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub starts_at: Option<DateTime<Utc>>,
    pub started_at: Option<DateTime<Utc>>,
    pub ended_at: Option<DateTime<Utc>>,
    pub problems: Vec<RoomProblem>,
    pub members: Vec<RoomMember>,
    /// The invite path (`/rooms/join/…`); interviewers only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invite_path: Option<String>,
}

/// An interviewer's private notes and scorecard, and the feedback they
/// write for the other side.
#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct NotesView {
    pub notes: String,
    pub scorecard: Scorecard,
    /// For the other side: shown to them once the room has ended.
    pub feedback: String,
    pub updated_at: Option<DateTime<Utc>>,
}

/// What an interviewer writes: private notes and scorecard, and feedback
/// for the other side.
#[derive(Debug, Clone, Default)]
pub struct Written {
    pub notes: String,
    pub scorecard: Scorecard,
    pub feedback: String,
}

/// Feedback someone in the room wrote for the asker.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Feedback {
    pub from: String,
    pub feedback: String,
    pub at: DateTime<Utc>,
}

/// Who interviews whom now in a peer room, and on which problem.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Turn {
    pub interviewer: String,
    /// Absent until the partner has joined.
    pub candidate: Option<String>,
    /// The problem being solved (its position).
    pub position: usize,
    #[serde(skip)]
    interviewer_id: UserId,
}

/// A peer room's current turn: the owner interviews first, on the first
/// problem; after the swap the partner interviews, on the second.
fn turn(record: &RoomRecord) -> Option<Turn> {
    if record.mode != RoomMode::Peer {
        return None;
    }
    let owner = record
        .members
        .iter()
        .find(|m| m.user_id == record.owner_id)?;
    let partner = record.members.iter().find(|m| m.user_id != record.owner_id);
    let (interviewer, candidate, position) = match (record.swapped_at, partner) {
        (Some(_), Some(partner)) => (partner, Some(owner), 1),
        _ => (owner, partner, 0),
    };
    Some(Turn {
        interviewer: interviewer.display_name.clone(),
        candidate: candidate.map(|m| m.display_name.clone()),
        position,
        interviewer_id: interviewer.user_id,
    })
}

/// One batch of changes in a room's log, for playback.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PlaybackStep {
    /// Who made them; absent for the starter code the room opened with.
    pub author: Option<String>,
    pub at: DateTime<Utc>,
    /// How many changes were merged into this step.
    pub edits: i32,
    /// The Yjs update, base64 (standard alphabet).
    pub update: String,
}

/// What an invite link shows before joining.
#[derive(Debug, Clone, Serialize)]
pub struct Invite {
    pub id: RoomId,
    pub title: String,
    pub interviewer: String,
    pub state: RoomState,
    pub starts_at: Option<DateTime<Utc>>,
    pub problems: usize,
}

#[derive(Clone)]
pub struct Rooms {
    db: Db,
    catalog: Catalog,
    submissions: Submissions,
    hub: Arc<Hub>,
    settings: RoomSettings,
}

/// How long the room's console follows a run or submission being graded.
const FOLLOW_GRADING_FOR: Duration = Duration::from_secs(300);

impl Rooms {
    pub fn new(db: Db, catalog: Catalog, submissions: Submissions, settings: RoomSettings) -> Self {
        Self {
            hub: Arc::new(Hub::new(db.clone())),
            db,
            catalog,
            submissions,
            settings,
        }
    }

    pub fn hub(&self) -> &Arc<Hub> {
        &self.hub
    }

    /// Whether `user` may open rooms on this server.
    pub fn may_open(&self, user: &User) -> bool {
        user.role >= Role::Instructor || self.settings.open_to_candidates
    }

    /// Opens a room owned by `owner`, who becomes its interviewer.
    pub async fn create(
        &self,
        owner: &User,
        request: NewRoomRequest,
    ) -> Result<RoomView, RoomError> {
        if !self.may_open(owner) {
            return Err(RoomError::Forbidden(
                "only instructors and admins open interview rooms on this server",
            ));
        }
        let title = request.title.trim().to_owned();
        if title.is_empty() {
            return Err(ValidationError::new("title", "give the room a title").into());
        }
        if title.chars().count() > MAX_TITLE_CHARS {
            return Err(ValidationError::new(
                "title",
                format!("a title is at most {MAX_TITLE_CHARS} characters"),
            )
            .into());
        }
        if request.problems.is_empty() {
            return Err(ValidationError::new("problems", "pick at least one problem").into());
        }
        if request.mode == RoomMode::Peer && request.problems.len() != 2 {
            return Err(ValidationError::new(
                "problems",
                "a peer room poses two problems, one for each of you",
            )
            .into());
        }
        if request.problems.len() > MAX_PROBLEMS {
            return Err(ValidationError::new(
                "problems",
                format!("a room holds at most {MAX_PROBLEMS} problems"),
            )
            .into());
        }
        let mut problems: Vec<ChallengeId> = Vec::new();
        for raw in &request.problems {
            let id = self.problem_id(owner, raw).await?;
            if problems.contains(&id) {
                return Err(
                    ValidationError::new("problems", format!("`{raw}` is listed twice")).into(),
                );
            }
            problems.push(id);
        }
        let id = RoomId::new();
        let owner_id = owner.id;
        let token = crate::accounts::secret_token::generate();
        let starts_at = request.starts_at;
        let mode = request.mode;
        self.db
            .run(move |conn| {
                store::create(
                    conn,
                    &NewRoom {
                        id,
                        owner_id,
                        title: &title,
                        mode,
                        invite_token: &token,
                        created_at: crate::db::now(),
                        starts_at,
                        problems: &problems,
                    },
                )
            })
            .await?;
        self.view(owner, id).await
    }

    async fn problem_id(&self, owner: &User, raw: &str) -> Result<ChallengeId, RoomError> {
        let unknown =
            || ValidationError::new("problems", format!("no challenge `{raw}` in the library"));
        let slug = Slug::parse(raw.trim()).map_err(|_| unknown())?;
        let record = self.catalog.record(&slug).await?.ok_or_else(unknown)?;
        if !visible_to(&record, Some(owner)) {
            return Err(unknown().into());
        }
        Ok(record.id)
    }

    /// A room, for one of its members; anyone else hears it does not exist.
    pub async fn view(&self, viewer: &User, id: RoomId) -> Result<RoomView, RoomError> {
        let (record, role) = self.member(viewer, id).await?;
        self.to_view(viewer, record, role).await
    }

    async fn member(&self, viewer: &User, id: RoomId) -> Result<(RoomRecord, RoomRole), RoomError> {
        let record = self
            .db
            .run(move |conn| store::find(conn, id))
            .await?
            .ok_or(RoomError::NotFound)?;
        let role = record.role_of(viewer.id).ok_or(RoomError::NotFound)?;
        Ok((record, role))
    }

    /// The room, when `viewer` runs it (an interviewer, or a peer of a
    /// peer room); a candidate must not learn that notes exist at all.
    async fn interviewer(&self, viewer: &User, id: RoomId) -> Result<RoomRecord, RoomError> {
        match self.member(viewer, id).await? {
            (record, role) if role.runs_the_room() => Ok(record),
            _ => Err(RoomError::NotFound),
        }
    }

    async fn to_view(
        &self,
        viewer: &User,
        record: RoomRecord,
        role: RoomRole,
    ) -> Result<RoomView, RoomError> {
        let turn = turn(&record);
        let interviewing = match &turn {
            Some(turn) => turn.interviewer_id == viewer.id,
            None => role == RoomRole::Interviewer,
        };
        let views = self.catalog.current_views(record.problems.clone()).await?;
        let problems = record
            .problems
            .iter()
            .enumerate()
            .filter_map(|(position, id)| {
                let view = views.get(id)?;
                let languages = match &view.details {
                    crate::catalog::view::Details::Code(code) => code
                        .languages
                        .iter()
                        .map(|l| RoomLanguage {
                            language: l.language.clone(),
                            name: l.name.clone(),
                            starter: l.starter.clone(),
                        })
                        .collect(),
                    crate::catalog::view::Details::Sql(_) => vec![RoomLanguage {
                        language: "sql".into(),
                        name: "SQL".into(),
                        starter: String::new(),
                    }],
                    crate::catalog::view::Details::Design(_) => vec![RoomLanguage {
                        language: "design".into(),
                        name: "Design notes".into(),
                        starter: String::new(),
                    }],
                };
                Some(RoomProblem {
                    position,
                    slug: view.slug.clone(),
                    title: view.title.clone(),
                    kind: view.kind,
                    statement_html: view.statement_html.clone(),
                    languages,
                })
            })
            .collect();
        Ok(RoomView {
            id: record.id,
            title: record.title,
            mode: record.mode,
            state: record.state,
            role,
            interviewing,
            turn,
            swapped_at: record.swapped_at,
            created_at: record.created_at,
            starts_at: record.starts_at,
            started_at: record.started_at,
            ended_at: record.ended_at,
            problems,
            members: record
                .members
                .iter()
                .map(|m| RoomMember {
                    name: m.display_name.clone(),
                    role: m.role,
                    joined_at: m.joined_at,
                    you: m.user_id == viewer.id,
                })
                .collect(),
            invite_path: role
                .runs_the_room()
                .then(|| format!("/rooms/join/{}", record.invite_token)),
        })
    }

    /// The rooms `user` is in, newest first.
    pub async fn list(&self, user: &User) -> Result<Vec<RoomView>, RoomError> {
        let user_id = user.id;
        let records = self
            .db
            .run(move |conn| store::list_for_user(conn, user_id, 50))
            .await?;
        let mut views = Vec::with_capacity(records.len());
        for record in records {
            let role = record.role_of(user.id).unwrap_or(RoomRole::Candidate);
            views.push(self.to_view(user, record, role).await?);
        }
        Ok(views)
    }

    /// What an invite link leads to, for the page that asks whether to
    /// join: the room's title, its interviewer and state.
    pub async fn invite(&self, token: &str) -> Result<Invite, RoomError> {
        let token = token.to_owned();
        let record = self
            .db
            .run(move |conn| store::find_by_invite(conn, &token))
            .await?
            .ok_or(RoomError::NotFound)?;
        let interviewer = record
            .members
            .iter()
            .find(|m| m.user_id == record.owner_id)
            .map(|m| m.display_name.clone())
            .unwrap_or_default();
        Ok(Invite {
            id: record.id,
            title: record.title,
            interviewer,
            state: record.state,
            starts_at: record.starts_at,
            problems: record.problems.len(),
        })
    }

    /// Follows an invite: `user` joins as the candidate (the partner, in a
    /// peer room); a member keeps the role they have. An ended room takes
    /// no one new, and a room takes one candidate (one partner).
    pub async fn join(&self, user: &User, token: &str) -> Result<RoomId, RoomError> {
        let token = token.to_owned();
        let record = self
            .db
            .run(move |conn| store::find_by_invite(conn, &token))
            .await?
            .ok_or(RoomError::NotFound)?;
        if record.role_of(user.id).is_some() {
            return Ok(record.id);
        }
        if record.state == RoomState::Ended {
            return Err(RoomError::Ended);
        }
        if record.members.iter().any(|m| m.user_id != record.owner_id) {
            return Err(RoomError::Conflict(match record.mode {
                RoomMode::Interview => "this room already has its candidate",
                RoomMode::Peer => "this peer room already has its two people",
            }));
        }
        let role = match record.mode {
            RoomMode::Interview => RoomRole::Candidate,
            RoomMode::Peer => RoomRole::Peer,
        };
        let (room, user_id) = (record.id, user.id);
        self.db
            .run(move |conn| store::join(conn, room, user_id, role, crate::db::now()))
            .await?;
        Ok(room)
    }

    /// Starts a scheduled room (interviewers only).
    pub async fn start(&self, user: &User, id: RoomId) -> Result<RoomView, RoomError> {
        let record = self.interviewer(user, id).await?;
        if record.state == RoomState::Ended {
            return Err(RoomError::Ended);
        }
        self.db
            .run(move |conn| {
                store::advance(
                    conn,
                    id,
                    RoomState::Scheduled,
                    RoomState::Live,
                    crate::db::now(),
                )
            })
            .await?;
        self.view(user, id).await
    }

    /// Ends a room (interviewers only): the document becomes read-only and
    /// its changes so far are written to the log at once.
    pub async fn end(&self, user: &User, id: RoomId) -> Result<RoomView, RoomError> {
        let record = self.interviewer(user, id).await?;
        if record.state != RoomState::Ended {
            let from = record.state;
            self.db
                .run(move |conn| store::advance(conn, id, from, RoomState::Ended, crate::db::now()))
                .await?;
        }
        if let Some(live) = self.hub.get(id) {
            live.freeze();
        }
        self.hub.flush().await?;
        self.view(user, id).await
    }

    /// The asking interviewer's notes and scorecard for a room.
    pub async fn notes(&self, user: &User, id: RoomId) -> Result<NotesView, RoomError> {
        self.interviewer(user, id).await?;
        let author = user.id;
        let stored = self
            .db
            .run(move |conn| store::notes(conn, id, author))
            .await?;
        stored
            .map(notes_view)
            .transpose()
            .map(Option::unwrap_or_default)
    }

    /// Saves the asking interviewer's notes, scorecard and the feedback
    /// they write for the other side.
    pub async fn save_notes(
        &self,
        user: &User,
        id: RoomId,
        written: Written,
    ) -> Result<NotesView, RoomError> {
        self.interviewer(user, id).await?;
        for (field, text) in [("notes", &written.notes), ("feedback", &written.feedback)] {
            if text.chars().count() > MAX_NOTE_CHARS {
                return Err(ValidationError::new(
                    field,
                    format!("this is at most {MAX_NOTE_CHARS} characters"),
                )
                .into());
            }
        }
        written.scorecard.validate()?;
        let record = NotesRecord {
            author_id: user.id,
            notes: written.notes,
            scorecard: Some(
                serde_json::to_string(&written.scorecard)
                    .map_err(|e| DbError::Corrupt(format!("scorecard: {e}")))?,
            ),
            feedback: written.feedback,
            updated_at: crate::db::now(),
        };
        let saved = record.clone();
        self.db
            .run(move |conn| store::save_notes(conn, id, &saved))
            .await?;
        notes_view(record)
    }

    /// Swaps the peers' parts in a peer room (either peer, once): the
    /// partner interviews now, on the second problem.
    pub async fn swap(&self, user: &User, id: RoomId) -> Result<RoomView, RoomError> {
        let record = self.interviewer(user, id).await?;
        if record.mode != RoomMode::Peer {
            return Err(RoomError::Conflict("only a peer room swaps roles"));
        }
        if record.state == RoomState::Ended {
            return Err(RoomError::Ended);
        }
        let swapped = self
            .db
            .run(move |conn| store::swap(conn, id, crate::db::now()))
            .await?;
        if !swapped {
            return Err(RoomError::Conflict("the roles have been swapped already"));
        }
        self.view(user, id).await
    }

    /// The feedback the others in the room wrote for `user`, once the room
    /// has ended (never their notes or scorecards).
    pub async fn feedback(&self, user: &User, id: RoomId) -> Result<Vec<Feedback>, RoomError> {
        let (record, _) = self.member(user, id).await?;
        if record.state != RoomState::Ended {
            return Err(RoomError::Forbidden(
                "feedback opens once the room has ended",
            ));
        }
        let reader = user.id;
        let written = self
            .db
            .run(move |conn| store::feedback_for(conn, id, reader))
            .await?;
        Ok(written
            .into_iter()
            .map(|(author, text, at)| Feedback {
                from: record
                    .members
                    .iter()
                    .find(|m| m.user_id == author)
                    .map_or_else(|| "a former member".into(), |m| m.display_name.clone()),
                feedback: text,
                at,
            })
            .collect())
    }

    /// The room's change log, for playback: members may replay it once
    /// the room has ended, interviewers at any time.
    pub async fn playback(&self, user: &User, id: RoomId) -> Result<Vec<PlaybackStep>, RoomError> {
        let (record, role) = self.member(user, id).await?;
        if role == RoomRole::Candidate && record.state != RoomState::Ended {
            return Err(RoomError::Forbidden(
                "playback opens once the room has ended",
            ));
        }
        // What is still queued belongs in the replay too.
        self.hub.flush().await?;
        let log = self.db.run(move |conn| store::updates(conn, id)).await?;
        let names: std::collections::HashMap<UserId, String> = record
            .members
            .iter()
            .map(|m| (m.user_id, m.display_name.clone()))
            .collect();
        Ok(log
            .into_iter()
            .map(|step| PlaybackStep {
                author: step.author_id.map(|a| {
                    names
                        .get(&a)
                        .cloned()
                        .unwrap_or_else(|| "a former member".into())
                }),
                at: step.at,
                edits: step.edits,
                update: STANDARD.encode(&step.body),
            })
            .collect())
    }

    /// Connects a member's browser to the room's live document. An ended
    /// room is read-only.
    pub async fn connect(
        &self,
        user: &User,
        id: RoomId,
    ) -> Result<(Arc<LiveRoom>, Participant), RoomError> {
        let (record, role) = self.member(user, id).await?;
        let view = self.to_view(user, record.clone(), role).await?;
        let seed = view
            .problems
            .iter()
            .filter_map(|p| {
                let first = p.languages.first()?;
                Some((
                    live::code_text(p.position, &first.language),
                    first.starter.clone(),
                ))
            })
            .collect();
        let read_only = record.state == RoomState::Ended;
        let identity = live::Identity {
            name: user.display_name.to_string(),
            role: role.as_str(),
        };
        Ok(self
            .hub
            .connect(id, user.id, identity, read_only, seed)
            .await?)
    }

    /// Runs (on the samples) or submits (on every test) the code of
    /// problem `position` as the shared document holds it now, in the
    /// language the room has chosen for it, as `user`'s answer. Everyone in
    /// the room sees it in the console, queued and then graded.
    pub async fn answer(
        &self,
        user: &User,
        id: RoomId,
        position: usize,
        mode: Mode,
    ) -> Result<SubmissionId, RoomError> {
        let (record, role) = self.member(user, id).await?;
        if record.state == RoomState::Ended {
            return Err(RoomError::Ended);
        }
        let view = self.to_view(user, record, role).await?;
        let problem = view
            .problems
            .iter()
            .find(|p| p.position == position)
            .ok_or_else(|| {
                ValidationError::new("position", format!("the room has no problem {position}"))
            })?;
        let live = self.hub.get(id).ok_or_else(|| {
            ValidationError::new(
                "position",
                "nobody has the room open; open it to run its code",
            )
        })?;
        let chosen = live.meta(&format!("lang/{position}"));
        let language = problem
            .languages
            .iter()
            .find(|l| Some(&l.language) == chosen.as_ref())
            .or_else(|| problem.languages.first())
            .map(|l| l.language.clone())
            .ok_or_else(|| {
                ValidationError::new("position", "this problem has no language to answer in")
            })?;
        let source = live.text(&live::code_text(position, &language));
        let answer = Answer::from_text(&language, source).ok_or_else(|| {
            ValidationError::new(
                "source",
                "a design answer needs a `## section` heading per section",
            )
        })?;
        let slug = Slug::parse(&problem.slug)
            .map_err(|e| ValidationError::new("position", e.to_string()))?;
        let accepted = self
            .submissions
            .create_in_room(
                user,
                &slug,
                NewAnswer {
                    mode,
                    answer,
                    custom_input: None,
                    idempotency_key: None,
                },
                id,
            )
            .await?;
        live.ping_console(&accepted.id.to_string(), Status::Queued);
        tokio::spawn(self.clone().follow(user.clone(), live, accepted.id));
        Ok(accepted.id)
    }

    /// Waits for an answer sent from a room to be graded, then tells the
    /// room's browsers to read the console again.
    async fn follow(self, user: User, live: Arc<LiveRoom>, id: SubmissionId) {
        let mut updates = self.submissions.updates();
        let give_up = tokio::time::Instant::now() + FOLLOW_GRADING_FOR;
        loop {
            match self.submissions.view(&user, id).await {
                Ok(view) if matches!(view.status, Status::Done | Status::Failed) => {
                    live.ping_console(&id.to_string(), view.status);
                    return;
                }
                Ok(_) => {}
                Err(e) => {
                    tracing::warn!(submission = %id, error = %e, "a room's answer could not be followed");
                    return;
                }
            }
            // Woken by a worker in this process, or every second (workers
            // may run in other processes).
            let wait = tokio::time::timeout(Duration::from_secs(1), updates.recv());
            if tokio::time::timeout_at(give_up, wait).await.is_err() {
                return;
            }
        }
    }

    /// The room's console: every run and submission sent from it, newest
    /// first, with who sent it and how it went, for any member. This is
    /// the truth the room page shows; the shared document only carries a
    /// nudge to read it again (anyone can write to a shared document).
    pub async fn console(&self, user: &User, id: RoomId) -> Result<Vec<ConsoleEntry>, RoomError> {
        let (record, role) = self.member(user, id).await?;
        let names: std::collections::HashMap<UserId, String> = record
            .members
            .iter()
            .map(|m| (m.user_id, m.display_name.clone()))
            .collect();
        let view = self.to_view(user, record, role).await?;
        let sent = self.submissions.of_room(id).await?;
        let mut entries: Vec<ConsoleEntry> = sent
            .into_iter()
            .map(|(sender, answer)| ConsoleEntry {
                id: answer.id,
                mode: answer.mode,
                by: names
                    .get(&sender)
                    .cloned()
                    .unwrap_or_else(|| "a former member".into()),
                at: answer.created_at,
                graded_at: answer.graded_at,
                position: view
                    .problems
                    .iter()
                    .find(|p| p.slug == answer.challenge)
                    .map(|p| p.position),
                problem: answer.challenge_title.clone(),
                language: answer_language(&answer.answer),
                status: answer.status,
                verdict: answer.verdict,
                summary: summary(&answer),
            })
            .collect();
        entries.reverse();
        Ok(entries)
    }

    /// The text of each problem's code in its first language as the live
    /// document holds it, or as the log rebuilds it (the final text).
    pub async fn final_text(
        &self,
        user: &User,
        id: RoomId,
        name: String,
    ) -> Result<String, RoomError> {
        self.member(user, id).await?;
        if let Some(live) = self.hub.get(id) {
            return Ok(live.text(&name));
        }
        let log = self.db.run(move |conn| store::updates(conn, id)).await?;
        let doc = live::replay(id, &log);
        use yrs::{GetString, ReadTxn, Transact};
        let txn = doc.transact();
        Ok(txn
            .get_text(name.as_str())
            .map(|t| t.get_string(&txn))
            .unwrap_or_default())
    }
}

/// A run or submission in a room's console, as everyone there sees it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ConsoleEntry {
    #[schema(value_type = String)]
    pub id: SubmissionId,
    /// `run` or `submit`.
    #[schema(value_type = String)]
    pub mode: Mode,
    /// Who sent it.
    pub by: String,
    pub at: DateTime<Utc>,
    pub graded_at: Option<DateTime<Utc>>,
    /// Which of the room's problems.
    pub position: Option<usize>,
    pub problem: String,
    pub language: String,
    #[schema(value_type = String)]
    pub status: Status,
    #[schema(value_type = Option<String>)]
    pub verdict: Option<Verdict>,
    /// The outcome in one line.
    pub summary: String,
}

/// The language name an answer was written in, as the room names it.
fn answer_language(answer: &Answer) -> String {
    match answer {
        Answer::Code { language, .. } => language.as_str().to_owned(),
        Answer::Sql { .. } => "sql".into(),
        Answer::Design(_) => "design".into(),
    }
}

/// One line on how an answer went: the verdict and tests passed, and the
/// first failure when it was on a sample (a hidden test's details are not
/// shown anywhere, rooms included).
fn summary(view: &SubmissionView) -> String {
    if matches!(view.status, Status::Queued | Status::Running) {
        return "Grading…".into();
    }
    if view.status == Status::Failed {
        return format!(
            "Could not be graded: {}",
            view.error.as_deref().unwrap_or("unknown error")
        );
    }
    let Some(report) = &view.report else {
        return view
            .verdict
            .map_or_else(|| "Graded".to_owned(), |v| v.label().to_owned());
    };
    let verdict = report.verdict.label();
    if let Some(output) = &report.compile_output {
        let first: Vec<&str> = output.lines().take(3).collect();
        return format!("{verdict}: {}", first.join(" / "));
    }
    if report.tests.is_empty() {
        return format!("{verdict} · score {:.0} %", report.score * 100.0);
    }
    let passed = report
        .tests
        .iter()
        .filter(|t| t.verdict == Verdict::Accepted)
        .count();
    let mut line = format!(
        "{verdict} · {passed} of {} tests passed",
        report.tests.len()
    );
    if let Some(failed) = report
        .tests
        .iter()
        .find(|t| t.verdict != Verdict::Accepted && t.sample)
    {
        line.push_str(&format!(" · {}: {}", failed.name, failed.message));
    }
    line
}

fn notes_view(record: NotesRecord) -> Result<NotesView, RoomError> {
    let scorecard = match &record.scorecard {
        Some(json) => serde_json::from_str(json)
            .map_err(|e| DbError::Corrupt(format!("a room scorecard: {e}")))?,
        None => Scorecard::default(),
    };
    Ok(NotesView {
        notes: record.notes,
        scorecard,
        feedback: record.feedback,
        updated_at: Some(record.updated_at),
    })
}
