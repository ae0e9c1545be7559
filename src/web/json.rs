//! [`Json<T>`]: a JSON request body that must be an object.
//!
//! serde reads a struct from a JSON array as readily as from an object
//! (`["a@b.c", "secret"]` would sign in), which no client means and the
//! OpenAPI document does not allow. This extractor reads the body with
//! actix's `JsonConfig` (size limit, content type, our error handler),
//! refuses anything but an object, then reads the struct from it.

use std::future::Future;
use std::ops::Deref;
use std::pin::Pin;

use actix_web::{dev::Payload, web, FromRequest, HttpRequest};
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::error::AppError;

pub struct Json<T>(pub T);

impl<T> Json<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> Deref for Json<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = web::Json::<Value>::from_request(req, payload);
        Box::pin(async move {
            let value = body.await?.into_inner();
            if !value.is_object() {
                return Err(AppError::BadRequest(format!(
                    "the body must be a JSON object, not {}",
                    kind_of(&value)
                ))
                .into());
            }
            serde_json::from_value(value)
                .map(Json)
                .map_err(|e| AppError::BadRequest(format!("invalid JSON body: {e}")).into())
        })
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
