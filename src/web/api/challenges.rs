//! `GET /api/v1/challenges` (the catalog) and `GET /api/v1/challenges/{slug}`.

use actix_web::{web, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::catalog::{Filter, Sort, Standing};
use crate::challenges::model::{Challenge, CodeMode, Spec};
use crate::challenges::Slug;
use crate::challenges::{skills, Difficulty, Kind};
use crate::domain::{Role, ValidationError};
use crate::grading::{code, limits};
use crate::web::auth::MaybeIdentity;
use crate::web::error::AppError;
use crate::web::AppState;

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct CatalogQuery {
    kind: Option<String>,
    difficulty: Option<String>,
    skill: Option<String>,
    tag: Option<String>,
    status: Option<String>,
    q: Option<String>,
    sort: Option<String>,
    page: Option<usize>,
    per_page: Option<usize>,
}

impl CatalogQuery {
    /// The query as given, to refill the filter form.
    pub fn echo(&self) -> serde_json::Value {
        json!({
            "kind": self.kind, "difficulty": self.difficulty, "skill": self.skill, "tag": self.tag,
            "status": self.status, "q": self.q, "sort": self.sort,
        })
    }

    /// Parses every filter, so a misspelt one is an error, not an empty page.
    pub fn into_filter(self) -> Result<Filter, AppError> {
        let empty = |v: Option<String>| v.filter(|s| !s.trim().is_empty());
        let kind = empty(self.kind);
        if let Some(k) = &kind {
            if !Kind::ALL.iter().any(|x| x.as_str() == k) {
                return Err(ValidationError::new("kind", "expected code, sql or design").into());
            }
        }
        let difficulty = empty(self.difficulty);
        if let Some(d) = &difficulty {
            if !Difficulty::ALL.iter().any(|x| x.as_str() == d) {
                return Err(
                    ValidationError::new("difficulty", "expected easy, medium or hard").into(),
                );
            }
        }
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
            None | Some("title") => Sort::Title,
            Some("difficulty") => Sort::Difficulty,
            Some("acceptance") => Sort::Acceptance,
            Some("newest") => Sort::Newest,
            Some(_) => {
                return Err(ValidationError::new(
                    "sort",
                    "expected title, difficulty, acceptance or newest",
                )
                .into())
            }
        };
        if self.per_page.is_some_and(|n| n == 0 || n > 100) {
            return Err(ValidationError::new("per_page", "between 1 and 100").into());
        }
        Ok(Filter {
            kind,
            difficulty,
            skill,
            tag: empty(self.tag),
            standing,
            query: empty(self.q),
            sort,
            page: self.page.unwrap_or(1).max(1),
            per_page: self.per_page.unwrap_or(50),
        })
    }
}

/// `GET /api/v1/challenges?kind=&difficulty=&skill=&tag=&status=&q=&sort=&page=&per_page=`
#[utoipa::path(get, path = "/api/v1/challenges", tag = "challenges", params(CatalogQuery), responses((status = 200, description = "A page of the catalog: entries with kind, difficulty, skills, tags, acceptance and your standing"), (status = 422, description = "A filter is invalid", body = crate::web::api::openapi::ErrorBody)))]
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
#[utoipa::path(get, path = "/api/v1/challenges/{slug}", tag = "challenges", params(("slug" = String, Path, description = "Challenge slug")), responses((status = 200, description = "The statement, limits, samples and starter code; hidden tests and solutions never appear"), (status = 404, description = "No such challenge", body = crate::web::api::openapi::ErrorBody)))]
pub async fn show(
    state: web::Data<AppState>,
    viewer: MaybeIdentity,
    slug: web::Path<Slug>,
) -> Result<HttpResponse, AppError> {
    let instructor = viewer
        .0
        .as_ref()
        .is_some_and(|i| i.user.role >= Role::Instructor);
    match state.catalog.current(&slug).await? {
        Some((record, challenge)) if record.published || instructor => Ok(HttpResponse::Ok().json(
            json!({ "challenge": challenge_json(&challenge, record.current_version, record.published) }),
        )),
        _ => Err(AppError::NotFound(format!("no challenge `{slug}`"))),
    }
}

/// A challenge without anything hidden: hidden tests, hidden datasets,
/// solutions, rubric internals and kept answers stay out.
pub fn challenge_json(challenge: &Challenge, version: u32, published: bool) -> Value {
    let details = match &challenge.spec {
        Spec::Code(spec) => {
            let languages: Vec<Value> = spec
                .languages
                .iter()
                .map(|&language| {
                    json!({
                        "language": language.as_str(),
                        "name": language.to_string(),
                        "time_limit_ms": limits::time_limit(&spec.limits, language).as_millis() as u64,
                        "instruction_budget": limits::for_test(&spec.limits, language).fuel,
                        "starter": spec.starters.get(&language).cloned().unwrap_or_default(),
                    })
                })
                .collect();
            let samples: Vec<Value> = spec
                .tests
                .iter()
                .filter(|t| t.sample)
                .map(|t| {
                    json!({
                        "name": t.name,
                        "input": code::describe_input(&spec.mode, &t.input),
                        "expected": match &t.expected {
                            crate::challenges::model::Expected::Value(v) => Some(v.to_string()),
                            crate::challenges::model::Expected::AnyOf(vs) => Some(vs.iter().map(Value::to_string).collect::<Vec<_>>().join(" or ")),
                            crate::challenges::model::Expected::Stdout(s) => Some(s.clone()),
                            crate::challenges::model::Expected::Checker => None,
                        },
                    })
                })
                .collect();
            let signature = match &spec.mode {
                CodeMode::Function { signature } => json!({
                    "name": signature.name,
                    "params": signature.params.iter().map(|p| json!({"name": p.name, "type": p.ty.to_string()})).collect::<Vec<_>>(),
                    "returns": signature.returns.to_string(),
                }),
                CodeMode::Class { class } => json!({
                    "class": class.name,
                    "constructor": class.constructor.iter().map(|p| json!({"name": p.name, "type": p.ty.to_string()})).collect::<Vec<_>>(),
                    "methods": class.methods.iter().map(|m| json!({
                        "name": m.name,
                        "params": m.params.iter().map(|p| json!({"name": p.name, "type": p.ty.to_string()})).collect::<Vec<_>>(),
                        "returns": m.returns.to_string(),
                    })).collect::<Vec<_>>(),
                }),
                CodeMode::Stdio => Value::Null,
            };
            json!({
                "mode": spec.mode.as_str(),
                "signature": signature,
                "comparator": spec.comparator.describe(),
                "memory_limit_mb": spec.limits.memory_mb,
                "languages": languages,
                "samples": samples,
                "tests": spec.tests.len(),
            })
        }
        Spec::Sql(spec) => json!({
            "mode": match spec.mode { crate::challenges::model::SqlMode::Query => "query", _ => "statement" },
            "schema": spec.schema,
            "datasets": spec.datasets.iter().filter(|d| !d.hidden).map(|d| json!({"name": d.name, "sql": d.sql})).collect::<Vec<_>>(),
            "hidden_datasets": spec.datasets.iter().filter(|d| d.hidden).count(),
            "order_matters": spec.order_matters,
            "column_names": spec.column_names,
            "time_limit_ms": spec.limits.time_ms,
        }),
        Spec::Design(spec) => json!({
            "sections": crate::challenges::model::Section::ALL.iter().map(|s| json!({"key": s.key(), "title": s.title()})).collect::<Vec<_>>(),
            "criteria": spec.rubric.criteria.len(),
            "expected_words": spec.rubric.expected_words,
        }),
    };
    json!({
        "slug": challenge.slug,
        "title": challenge.title,
        "kind": challenge.kind().as_str(),
        "difficulty": challenge.difficulty.as_str(),
        "skills": challenge.skills,
        "tags": challenge.tags,
        "points": challenge.points,
        "version": version,
        "published": published,
        "statement": challenge.statement,
        "details": details,
    })
}
