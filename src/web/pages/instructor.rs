//! Instructors' pages: the overview (`/instructor`), the draft editor,
//! zip import and export, per-challenge statistics, and the review queue.
//! Plain forms throughout; they work without JavaScript.

use std::collections::BTreeMap;

use actix_multipart::Multipart;
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use futures_util::StreamExt as _;
use serde::Deserialize;
use serde_json::json;

use crate::authoring::{CheckResult, Publication};
use crate::challenges::Slug;
use crate::domain::Kind;
use crate::domain::SubmissionId;
use crate::web::auth::{Auth, Instructor};
use crate::web::error::AppError;
use crate::web::form::Form;
use crate::web::page::PageCtx;
use crate::web::{csrf, AUTHORING_BODY_BYTES};

fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .finish()
}

/// `GET /instructor`
pub async fn overview(page: PageCtx, auth: Auth<Instructor>) -> Result<HttpResponse, AppError> {
    render_overview(&page, &auth, StatusCode::OK, None, &BTreeMap::new()).await
}

/// The overview, with the new-challenge form refilled and its errors
/// beside the fields when it was refused.
async fn render_overview(
    page: &PageCtx,
    auth: &Auth<Instructor>,
    status: StatusCode,
    form: Option<&NewDraftForm>,
    errors: &BTreeMap<&'static str, String>,
) -> Result<HttpResponse, AppError> {
    let rows = page.state.authoring.overview(&auth.identity.user).await?;
    let pending = page
        .state
        .reviews
        .queue(&auth.identity.user, false)
        .await?
        .len();
    let checks = page.state.catalog.unsettled_checks().await?;
    let mut ctx = page.context();
    ctx.insert("rows", &rows);
    ctx.insert("pending_reviews", &pending);
    ctx.insert("checks", &checks);
    ctx.insert("import", &page.state.catalog.import_progress());
    ctx.insert("new_form", &form);
    ctx.insert("errors", errors);
    page.render_status(status, "instructor.html", &ctx)
}

#[derive(Deserialize, serde::Serialize)]
pub struct NewDraftForm {
    slug: String,
    kind: String,
}

/// `POST /instructor/drafts`: a refused slug or kind is shown beside its
/// field, the form kept.
pub async fn create(
    page: PageCtx,
    auth: Auth<Instructor>,
    form: Form<NewDraftForm>,
) -> Result<HttpResponse, AppError> {
    let created = match Kind::parse(form.0.kind.trim()).map_err(|e| e.for_field("kind")) {
        Ok(kind) => page
            .state
            .authoring
            .create(&auth.identity.user, form.0.slug.trim(), kind)
            .await
            .map_err(AppError::from),
        Err(e) => Err(e.into()),
    };
    match created {
        Ok(draft) => Ok(see_other(&format!("/instructor/drafts/{}", draft.slug))),
        // The slug is taken: that is the slug field's fault.
        Err(e @ AppError::Authoring(crate::authoring::AuthoringError::Conflict(_))) => {
            let errors = BTreeMap::from([("slug", crate::web::error::sentence(&e.to_string()))]);
            render_overview(&page, &auth, e.class().0, Some(&form.0), &errors).await
        }
        Err(e) => match e.field_errors() {
            Some(errors) => {
                render_overview(&page, &auth, e.class().0, Some(&form.0), &errors).await
            }
            None => Err(e),
        },
    }
}

fn render_editor(
    page: &PageCtx,
    draft: &crate::authoring::Draft,
    check: Option<&CheckResult>,
    notice: Option<&str>,
) -> Result<HttpResponse, AppError> {
    let mut ctx = page.context();
    ctx.insert("draft", draft);
    ctx.insert(
        "files",
        &draft
            .files
            .iter()
            .map(|(path, text)| json!({"path": path, "text": text}))
            .collect::<Vec<_>>(),
    );
    ctx.insert("check", &check);
    ctx.insert("notice", &notice);
    ctx.insert(
        "preview",
        &draft
            .files
            .get("statement.md")
            .map(|s| crate::challenges::statement::preview_html(s))
            .unwrap_or_default(),
    );
    page.render("draft.html", &ctx)
}

/// `GET /instructor/drafts/{slug}`: also starts editing a published challenge.
pub async fn editor(
    page: PageCtx,
    auth: Auth<Instructor>,
    slug: web::Path<Slug>,
) -> Result<HttpResponse, AppError> {
    let draft = page
        .state
        .authoring
        .view(&auth.identity.user, &slug)
        .await?;
    render_editor(&page, &draft, None, None)
}

/// The files of the editor form: `file_<n>_path` and `file_<n>_text`
/// pairs; a blank path drops the file, `file_<n>_delete` removes it.
fn files_from_form(
    fields: &BTreeMap<String, String>,
) -> Result<BTreeMap<String, String>, AppError> {
    let mut files = BTreeMap::new();
    for (key, path) in fields {
        let Some(n) = key
            .strip_prefix("file_")
            .and_then(|k| k.strip_suffix("_path"))
        else {
            continue;
        };
        let path = path.trim();
        if path.is_empty() || fields.contains_key(&format!("file_{n}_delete")) {
            continue;
        }
        // Browsers send textarea line ends as CRLF.
        let text = fields
            .get(&format!("file_{n}_text"))
            .map(|t| t.replace("\r\n", "\n"))
            .unwrap_or_default();
        if files.insert(path.to_owned(), text).is_some() {
            return Err(AppError::BadRequest(format!(
                "the file `{path}` appears twice"
            )));
        }
    }
    Ok(files)
}

/// `POST /instructor/drafts/{slug}`: saves the files, then does the
/// button's action (`save`, `check`, `publish` or `discard`).
pub async fn act(
    page: PageCtx,
    auth: Auth<Instructor>,
    slug: web::Path<Slug>,
    form: Form<BTreeMap<String, String>>,
) -> Result<HttpResponse, AppError> {
    let user = &auth.identity.user;
    let authoring = &page.state.authoring;
    let action = form
        .0
        .get("action")
        .cloned()
        .unwrap_or_else(|| "save".into());
    if action == "discard" {
        authoring.discard(user, &slug).await?;
        return Ok(see_other("/instructor"));
    }
    let draft = authoring
        .save(user, &slug, files_from_form(&form.0)?)
        .await?;
    match action.as_str() {
        "check" => {
            let check = authoring.check(user, &slug).await?;
            render_editor(&page, &draft, Some(&check), None)
        }
        "publish" => match authoring.publish(user, &slug).await? {
            Publication::Published { .. } => Ok(see_other(&format!("/challenges/{slug}"))),
            Publication::Refused { check } => render_editor(
                &page,
                &draft,
                Some(&check),
                Some("Not published: the checks below must pass first."),
            ),
        },
        _ => render_editor(&page, &draft, None, Some("Saved.")),
    }
}

/// `POST /instructor/import`: a zip of a package folder (multipart form).
pub async fn import(
    page: PageCtx,
    auth: Auth<Instructor>,
    req: HttpRequest,
    mut form: Multipart,
) -> Result<HttpResponse, AppError> {
    let mut token = None;
    let mut slug = None;
    let mut zip = Vec::new();
    while let Some(field) = form.next().await {
        let mut field =
            field.map_err(|e| AppError::BadRequest(format!("could not read the upload: {e}")))?;
        let name = field.name().unwrap_or_default().to_owned();
        let mut data = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk
                .map_err(|e| AppError::BadRequest(format!("could not read the upload: {e}")))?;
            if data.len() + chunk.len() > AUTHORING_BODY_BYTES {
                return Err(AppError::PayloadTooLarge("the upload is too large".into()));
            }
            data.extend_from_slice(&chunk);
        }
        match name.as_str() {
            "csrf_token" => token = Some(String::from_utf8_lossy(&data).into_owned()),
            "slug" => {
                slug =
                    Some(String::from_utf8_lossy(&data).trim().to_owned()).filter(|s| !s.is_empty())
            }
            "package" => zip = data,
            _ => {}
        }
    }
    csrf::verify(&req, &page.state.csrf_key, token.as_deref())?;
    if zip.is_empty() {
        return Err(AppError::BadRequest("choose a zip file to import".into()));
    }
    let draft = page
        .state
        .authoring
        .import_zip(&auth.identity.user, &zip, slug.as_deref())
        .await?;
    Ok(see_other(&format!("/instructor/drafts/{}", draft.slug)))
}

/// `GET /instructor/challenges/{slug}/export.zip`
pub async fn export(
    page: PageCtx,
    auth: Auth<Instructor>,
    slug: web::Path<Slug>,
) -> Result<HttpResponse, AppError> {
    let bytes = page
        .state
        .authoring
        .export(&auth.identity.user, &slug)
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "application/zip"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{slug}.zip\""),
        ))
        .body(bytes))
}

/// `GET /instructor/challenges/{slug}/stats`
pub async fn stats(
    page: PageCtx,
    auth: Auth<Instructor>,
    slug: web::Path<Slug>,
) -> Result<HttpResponse, AppError> {
    let stats = page.state.reviews.stats(&auth.identity.user, &slug).await?;
    let mut ctx = page.context();
    let most = stats.scores.iter().copied().max().unwrap_or(0).max(1);
    ctx.insert("stats", &stats);
    ctx.insert("most", &most);
    page.render("stats.html", &ctx)
}

#[derive(Deserialize)]
pub struct QueueQuery {
    reviewed: Option<bool>,
}

/// `GET /instructor/reviews`
pub async fn reviews(
    page: PageCtx,
    auth: Auth<Instructor>,
    query: web::Query<QueueQuery>,
) -> Result<HttpResponse, AppError> {
    let reviewed = query.reviewed.unwrap_or(false);
    let items = page
        .state
        .reviews
        .queue(&auth.identity.user, reviewed)
        .await?;
    let mut ctx = page.context();
    ctx.insert("items", &items);
    ctx.insert("reviewed", &reviewed);
    page.render("reviews.html", &ctx)
}

/// `GET /instructor/reviews/{id}`: the answer beside its rubric result.
pub async fn review_page(
    page: PageCtx,
    auth: Auth<Instructor>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    render_review(&page, &auth, &id, StatusCode::OK, None, &BTreeMap::new()).await
}

/// The review page, with a refused review kept in its fields and the
/// reason beside the one at fault.
async fn render_review(
    page: &PageCtx,
    auth: &Auth<Instructor>,
    id: &str,
    status: StatusCode,
    form: Option<&ReviewForm>,
    errors: &BTreeMap<&'static str, String>,
) -> Result<HttpResponse, AppError> {
    let id = SubmissionId::parse(id)
        .ok_or_else(|| AppError::NotFound("There is no such submission.".into()))?;
    let view = page.state.submissions.view(&auth.identity.user, id).await?;
    let mut ctx = page.context();
    ctx.insert("submission", &view);
    ctx.insert("review_form", &form);
    ctx.insert("errors", errors);
    page.render_status(status, "review.html", &ctx)
}

#[derive(Deserialize, serde::Serialize)]
pub struct ReviewForm {
    score: String,
    comment: String,
}

/// `POST /instructor/reviews/{id}`
pub async fn review(
    page: PageCtx,
    auth: Auth<Instructor>,
    id: web::Path<String>,
    form: Form<ReviewForm>,
) -> Result<HttpResponse, AppError> {
    let submission = SubmissionId::parse(&id)
        .ok_or_else(|| AppError::NotFound("There is no such submission.".into()))?;
    let percent = form
        .0
        .score
        .trim()
        .trim_end_matches('%')
        .trim()
        .parse::<f64>();
    let saved = match percent {
        Ok(percent) if percent.is_finite() => page
            .state
            .reviews
            .review(
                &auth.identity.user,
                submission,
                percent / 100.0,
                &form.0.comment,
            )
            .await
            .map(|_| ())
            .map_err(AppError::from),
        _ => Err(crate::domain::ValidationError::new(
            "score",
            "A score is a number from 0 to 100.",
        )
        .into()),
    };
    match saved {
        Ok(()) => Ok(see_other("/instructor/reviews")),
        Err(e) => match e.field_errors() {
            Some(errors) => {
                render_review(&page, &auth, &id, e.class().0, Some(&form.0), &errors).await
            }
            None => Err(e),
        },
    }
}
