//! The dashboard (`/dashboard`) and the leaderboard (`/leaderboard`).

use actix_web::{web, HttpResponse};
use serde::Deserialize;
use serde_json::json;

use crate::challenges::skills;
use crate::progress::Window;
use crate::web::auth::Auth;
use crate::web::error::AppError;
use crate::web::page::PageCtx;

/// `GET /dashboard`
pub async fn dashboard(page: PageCtx, auth: Auth) -> Result<HttpResponse, AppError> {
    let dashboard = page.state.progress.dashboard(&auth.identity.user).await?;
    // The trend over the last ten finished mock interviews, oldest first
    // (at most one more is running).
    let mut interviews: Vec<_> = page
        .state
        .interviews
        .list_own(&auth.identity.user, 11)
        .await?
        .into_iter()
        .filter(|i| i.state == crate::domain::SessionState::Ended)
        .take(10)
        .collect();
    interviews.reverse();
    let mut ctx = page.context();
    ctx.insert("dashboard", &dashboard);
    ctx.insert("interviews", &interviews);
    page.render("dashboard.html", &ctx)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeaderboardQuery {
    skill: Option<String>,
    window: Option<String>,
}

/// `GET /leaderboard?skill=&window=30d`
pub async fn leaderboard(
    page: PageCtx,
    query: web::Query<LeaderboardQuery>,
) -> Result<HttpResponse, AppError> {
    let skill = query.skill.as_deref().filter(|s| !s.is_empty());
    if let Some(s) = skill {
        if !skills::is_known(s) {
            return Err(AppError::NotFound(format!("there is no skill `{s}`")));
        }
    }
    let window = match query.window.as_deref() {
        Some("30d") => Window::Last30Days,
        None | Some("") | Some("all") => Window::AllTime,
        Some(other) => {
            return Err(AppError::BadRequest(format!(
                "unknown window `{other}`; use all or 30d"
            )))
        }
    };
    let rows = page.state.progress.leaderboard(skill, window, 100).await?;
    let mut ctx = page.context();
    ctx.insert("rows", &rows);
    ctx.insert("skill", &skill);
    ctx.insert("skill_name", &skill.map(skills::display_name));
    ctx.insert(
        "window",
        if window == Window::Last30Days {
            "30d"
        } else {
            "all"
        },
    );
    ctx.insert(
        "skills",
        &skills::SKILLS
            .iter()
            .map(|(k, n)| json!({"key": k, "name": n}))
            .collect::<Vec<_>>(),
    );
    page.render("leaderboard.html", &ctx)
}
