use actix_web::HttpResponse;

use crate::web::error::AppError;
use crate::web::page::PageCtx;

/// `GET /`: for a signed-in user, a greeting that knows whether they are
/// new here, and a challenge to do next.
pub async fn show(page: PageCtx) -> Result<HttpResponse, AppError> {
    let mut ctx = page.context();
    if let Some(user) = page.user() {
        let state = &page.state;
        let first_visit = state.submissions.list_own(user, None, 1).await?.is_empty();
        ctx.insert("first_visit", &first_visit);
        ctx.insert("suggestion", &state.catalog.suggest(user, None).await?);
    }
    page.render("home.html", &ctx)
}
