use actix_web::HttpResponse;

use crate::web::error::AppError;
use crate::web::page::PageCtx;

/// `GET /`
pub async fn show(page: PageCtx) -> Result<HttpResponse, AppError> {
    page.render("home.html", &page.context())
}
