//! The catalog (`/challenges`), a challenge's workspace
//! (`/challenges/{slug}`), and the form fallback for submitting without
//! JavaScript (`POST /challenges/{slug}/submit`).

use std::collections::BTreeMap;

use actix_web::{web, HttpResponse};
use serde_json::json;

use crate::catalog::view::Details;
use crate::challenges::model::{DesignAnswer, Section};
use crate::challenges::skills;
use crate::challenges::Slug;
use crate::grading::Answer;
use crate::submissions::{Mode, NewAnswer};
use crate::web::api::challenges::CatalogQuery;
use crate::web::auth::Auth;
use crate::web::error::AppError;
use crate::web::form::Form;
use crate::web::page::PageCtx;

/// `GET /challenges`
pub async fn catalog(
    page: PageCtx,
    query: web::Query<CatalogQuery>,
) -> Result<HttpResponse, AppError> {
    let raw = query.into_inner();
    let echo = raw.echo();
    let filter = raw.into_filter()?;
    let result = page.state.catalog.browse(page.user(), &filter).await?;
    if filter.random {
        // "Pick one for me": straight to it. When nothing matches, the
        // (empty) list below says so.
        if let Some(entry) = result.entries.first() {
            return Ok(HttpResponse::SeeOther()
                .insert_header(("Location", format!("/challenges/{}", entry.slug)))
                .finish());
        }
    }
    let pages = result.total.div_ceil(result.per_page).max(1);
    let mut ctx = page.context();
    ctx.insert("result", &result);
    ctx.insert("pages", &pages);
    ctx.insert("query", &echo);
    ctx.insert("import", &page.state.catalog.import_progress());
    ctx.insert(
        "skills",
        &skills::SKILLS
            .iter()
            .map(|(k, n)| json!({"key": k, "name": n}))
            .collect::<Vec<_>>(),
    );
    ctx.insert(
        "skill_names",
        &skills::SKILLS
            .iter()
            .map(|(k, n)| (*k, *n))
            .collect::<BTreeMap<_, _>>(),
    );
    page.render("challenges.html", &ctx)
}

/// `GET /challenges/{slug}`: the workspace, built from the challenge's
/// public view (never its package).
pub async fn show(page: PageCtx, slug: web::Path<Slug>) -> Result<HttpResponse, AppError> {
    let state = page.state.clone();
    let Some(view) = state.catalog.view(page.user(), &slug).await? else {
        let import = state.catalog.import_progress();
        return Err(AppError::NotFound(if import.importing {
            format!(
                "There is no challenge {slug} yet. The challenge library is still being \
                 imported ({} of {} so far); try again in a moment.",
                import.staged, import.found
            )
        } else {
            format!("There is no challenge {slug}.")
        }));
    };
    let mut ctx = page.context();
    ctx.insert("challenge", view.as_ref());
    ctx.insert("statement_html", &view.statement_html);
    ctx.insert(
        "skill_names",
        &view
            .skills
            .iter()
            .map(|s| skills::display_name(s).to_owned())
            .collect::<Vec<_>>(),
    );
    match &view.details {
        Details::Code(code) => {
            let starters: BTreeMap<&str, &str> = code
                .languages
                .iter()
                .map(|l| (l.language.as_str(), l.starter.as_str()))
                .collect();
            ctx.insert("starters_json", &script_json(&starters)?);
            let first = code.languages.first();
            ctx.insert(
                "first_starter",
                first.map(|l| l.starter.as_str()).unwrap_or(""),
            );
            ctx.insert(
                "first_language",
                first.map(|l| l.language.as_str()).unwrap_or("python"),
            );
        }
        Details::Sql(sql) => {
            ctx.insert("previews", &sql.previews);
            ctx.insert("starters_json", "{}");
        }
        Details::Design(_) => {
            let sections: Vec<_> = Section::ALL
                .iter()
                .map(|s| json!({"key": s.key(), "title": s.title(), "hint": section_hint(*s)}))
                .collect();
            ctx.insert("sections", &sections);
        }
    }
    // Instructors see a check that did not pass, with what went wrong.
    if page
        .user()
        .is_some_and(|u| u.role >= crate::domain::Role::Instructor)
    {
        if let Some(check) = state.catalog.check_of(&slug).await? {
            if check.status != crate::domain::CheckStatus::Passed {
                ctx.insert("check", &check);
            }
        }
    }
    let settings = match page.user() {
        Some(user) => {
            let recent = state.submissions.list_own(user, Some(&*slug), 10).await?;
            ctx.insert("recent", &recent);
            // Shown once this one is solved (the page shows it when a
            // submission is accepted).
            ctx.insert(
                "next_challenge",
                &state.catalog.suggest(user, Some(&slug)).await?,
            );
            ctx.insert(
                "solved",
                &recent.iter().any(|s| {
                    s.verdict == Some(crate::domain::Verdict::Accepted)
                        && s.mode == crate::domain::Mode::Submit
                }),
            );
            // Inside a running mock interview the page shows its clock.
            if let Some(clock) = state.interviews.clock_for(user, &slug).await? {
                ctx.insert("interview", &clock);
            }
            state.workspace.settings(user.id).await?
        }
        None => crate::workspace::EditorSettings::default(),
    };
    // Read by the editor before it draws, so it opens in the right theme.
    ctx.insert("editor_settings_json", &script_json(&settings)?);
    page.render("challenge.html", &ctx)
}

/// `value` as JSON to embed in a `<script type="application/json">`:
/// `</` must not end the element early.
fn script_json(value: &impl serde::Serialize) -> Result<String, AppError> {
    Ok(serde_json::to_string(value)
        .map_err(|e| AppError::Unexpected(e.to_string()))?
        .replace("</", "<\\/"))
}

fn section_hint(section: Section) -> &'static str {
    match section {
        Section::Requirements => "What the system must do, and the qualities it needs (latency, availability, consistency).",
        Section::Estimates => "Traffic, storage and bandwidth, with the arithmetic.",
        Section::Api => "Endpoints or calls, their inputs, outputs and errors.",
        Section::DataModel => "What is stored, where, keyed how.",
        Section::HighLevel => "The components and how a request flows through them.",
        Section::DeepDives => "Scaling, failure handling, the hard parts in detail.",
        Section::Tradeoffs => "What you chose, what you gave up, and why.",
    }
}

/// `POST /challenges/{slug}/submit`: the plain form, for browsers without
/// JavaScript. Code and SQL send `source` (and `language`); designs send
/// one field per section.
pub async fn submit(
    req: actix_web::HttpRequest,
    page: PageCtx,
    auth: Auth,
    slug: web::Path<Slug>,
    form: Form<BTreeMap<String, String>>,
) -> Result<HttpResponse, AppError> {
    let client = crate::web::auth::client_info(&req, page.state.settings.trust_proxy_headers);
    let mut fields = form.0;
    fields.remove("csrf_token");
    let answer = match (fields.remove("language"), fields.remove("source")) {
        (Some(language), Some(source)) => Answer::Code {
            language: rehearse_sandbox::Language::parse(&language)
                .ok_or_else(|| AppError::BadRequest(format!("unknown language `{language}`")))?,
            source,
        },
        (None, Some(source)) => Answer::Sql { source },
        _ => {
            let mut answer = DesignAnswer::default();
            for (key, text) in fields {
                if let Some(section) = Section::parse(&key) {
                    if !text.trim().is_empty() {
                        answer.sections.insert(section, text.trim().to_owned());
                    }
                }
            }
            Answer::Design(answer)
        }
    };
    let accepted = page
        .state
        .submissions
        .create(
            &auth.identity.user,
            &slug,
            NewAnswer {
                mode: Mode::Submit,
                answer,
                custom_input: None,
                idempotency_key: None,
            },
            client.ip.map(|ip| ip.to_string()),
        )
        .await?;
    Ok(HttpResponse::SeeOther()
        .insert_header(("Location", format!("/submissions/{}", accepted.id)))
        .finish())
}
