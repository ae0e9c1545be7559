//! `GET /api/v1/challenges` (the catalog) and `GET /api/v1/challenges/{slug}`.

use actix_web::{web, HttpResponse};
use serde::Deserialize;
use serde_json::json;

use crate::catalog::{Filter, Sort, Standing};
use crate::challenges::Slug;
use crate::challenges::{skills, Difficulty, Kind};
use crate::domain::ValidationError;
use crate::web::auth::MaybeIdentity;
use crate::web::error::AppError;
use crate::web::AppState;

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct CatalogQuery {
    #[param(value_type = Option<Kind>)]
    kind: Option<String>,
    #[param(value_type = Option<Difficulty>)]
    difficulty: Option<String>,
    /// A skill's key (`arrays-hashing`, `graphs`, …).
    skill: Option<String>,
    tag: Option<String>,
    /// Your standing: solved, attempted or new.
    #[param(value_type = Option<Standing>)]
    status: Option<String>,
    /// Words that must all appear in the title or statement.
    q: Option<String>,
    #[param(value_type = Option<CatalogSort>)]
    sort: Option<String>,
    /// From 1.
    #[param(minimum = 1, maximum = 1000000)]
    page: Option<usize>,
    /// 1–100; 20 when absent.
    #[param(minimum = 1, maximum = 100)]
    per_page: Option<usize>,
    /// `random`: one matching challenge picked at random, unsolved ones
    /// first (the page redirects to it).
    #[param(value_type = Option<CatalogPick>)]
    pick: Option<String>,
}

/// What `pick` may ask for.
#[derive(utoipa::ToSchema)]
#[schema(rename_all = "lowercase")]
#[allow(dead_code)]
pub enum CatalogPick {
    Random,
}

/// How the catalog is ordered.
#[derive(utoipa::ToSchema)]
#[schema(rename_all = "lowercase")]
#[allow(dead_code)]
pub enum CatalogSort {
    Number,
    Title,
    Difficulty,
    Acceptance,
    Newest,
}

impl CatalogQuery {
    /// The query as given, to refill the filter form.
    pub fn echo(&self) -> serde_json::Value {
        json!({
            "kind": self.kind, "difficulty": self.difficulty, "skill": self.skill, "tag": self.tag,
            "status": self.status, "q": self.q, "sort": self.sort, "per_page": self.per_page,
        })
    }

    /// Parses every filter, so a misspelt one is an error, not an empty page.
    pub fn into_filter(self) -> Result<Filter, AppError> {
        let empty = |v: Option<String>| v.filter(|s| !s.trim().is_empty());
        let kind = empty(self.kind)
            .map(|k| Kind::parse(&k))
            .transpose()
            .map_err(|e| e.for_field("kind"))?;
        let difficulty = empty(self.difficulty)
            .map(|d| Difficulty::parse(&d))
            .transpose()
            .map_err(|e| e.for_field("difficulty"))?;
        let skill = empty(self.skill);
        if let Some(s) = &skill {
            if !skills::is_known(s) {
                return Err(ValidationError::new("skill", format!("unknown skill `{s}`")).into());
            }
        }
        let standing = match empty(self.status).as_deref() {
            None => None,
            Some("solved") => Some(Standing::Solved),
            Some("attempted") => Some(Standing::Attempted),
            Some("new") => Some(Standing::New),
            Some(_) => {
                return Err(
                    ValidationError::new("status", "expected solved, attempted or new").into(),
                )
            }
        };
        let sort = match empty(self.sort).as_deref() {
            None | Some("number") => Sort::Number,
            Some("title") => Sort::Title,
            Some("difficulty") => Sort::Difficulty,
            Some("acceptance") => Sort::Acceptance,
            Some("newest") => Sort::Newest,
            Some(_) => {
                return Err(ValidationError::new(
                    "sort",
                    "expected number, title, difficulty, acceptance or newest",
                )
                .into())
            }
        };
        if self.per_page.is_some_and(|n| n == 0 || n > 100) {
            return Err(ValidationError::new("per_page", "between 1 and 100").into());
        }
        if self.page.is_some_and(|n| n == 0 || n > 1_000_000) {
            return Err(ValidationError::new("page", "pages are numbered 1 to 1000000").into());
        }
        let random = match empty(self.pick).as_deref() {
            None => false,
            Some("random") => true,
            Some(_) => return Err(ValidationError::new("pick", "expected random").into()),
        };
        Ok(Filter {
            random,
            kind,
            difficulty,
            skill,
            tag: empty(self.tag),
            standing,
            query: empty(self.q),
            sort,
            page: self.page.unwrap_or(1),
            per_page: self.per_page.unwrap_or(20),
        })
    }
}

/// `GET /api/v1/challenges?kind=&difficulty=&skill=&tag=&status=&q=&sort=&page=&per_page=`
#[utoipa::path(
    get,
    path = "/api/v1/challenges",
    operation_id = "listChallenges",
    tag = "challenges",
    params(CatalogQuery),
    responses(
        (status = 200, description = "A page of the catalog: entries with kind, difficulty, skills, tags, acceptance and your standing", body = crate::catalog::Page),
        (status = 422, description = "A filter is invalid", body = crate::web::api::openapi::ErrorBody),
    )
)]
pub async fn list(
    state: web::Data<AppState>,
    viewer: MaybeIdentity,
    query: web::Query<CatalogQuery>,
) -> Result<HttpResponse, AppError> {
    let filter = query.into_inner().into_filter()?;
    let user = viewer.0.as_ref().map(|i| &i.user);
    let page = state.catalog.browse(user, &filter).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// `GET /api/v1/challenges/{slug}`: everything a candidate needs to start.
#[utoipa::path(
    get,
    path = "/api/v1/challenges/{slug}",
    operation_id = "getChallenge",
    tag = "challenges",
    params(("slug" = String, Path, description = "Challenge slug")),
    responses(
        (status = 200, description = "The statement, limits, samples and starter code; hidden tests and solutions never appear", body = ChallengeBody),
        (status = 404, description = "No such challenge", body = crate::web::api::openapi::ErrorBody),
    )
)]
pub async fn show(
    state: web::Data<AppState>,
    viewer: MaybeIdentity,
    slug: web::Path<Slug>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.0.as_ref().map(|i| &i.user);
    match state.catalog.view(user, &slug).await? {
        Some(view) => Ok(HttpResponse::Ok().json(ChallengeBody {
            challenge: view.as_ref(),
        })),
        None => Err(AppError::NotFound(format!("no challenge `{slug}`"))),
    }
}

/// The body of `GET /api/v1/challenges/{slug}`.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct ChallengeBody<'a> {
    pub challenge: &'a crate::catalog::ChallengeView,
}
