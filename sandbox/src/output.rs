//! Captured stdout/stderr with a hard cap. A write that would pass the cap
//! keeps what fits and then traps, ending the run at once: a program that
//! ignores write errors (most do) cannot spin on a full pipe until its time
//! runs out, and the verdict names the real cause, Output Limit Exceeded.

use std::io;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

use bytes::Bytes;
use wasmtime_wasi::cli::{IsTerminal, StdoutStream};
use wasmtime_wasi::p2::{OutputStream, Pollable, StreamError, StreamResult};

#[derive(Default)]
struct Captured {
    bytes: Vec<u8>,
    overflowed: bool,
}

/// One of a run's output streams. Clones share the buffer.
#[derive(Clone)]
pub(crate) struct CappedOutput {
    cap: usize,
    inner: Arc<Mutex<Captured>>,
}

/// How much the guest may hand over per write; the cap is checked on write.
const PERMIT: usize = 64 * 1024;

impl CappedOutput {
    pub(crate) fn new(cap: usize) -> Self {
        Self {
            cap,
            inner: Arc::default(),
        }
    }

    /// Appends what fits; false when some did not.
    fn append(&self, data: &[u8]) -> bool {
        let mut captured = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        let room = self.cap.saturating_sub(captured.bytes.len());
        let take = data.len().min(room);
        captured.bytes.extend_from_slice(&data[..take]);
        if take < data.len() {
            captured.overflowed = true;
            return false;
        }
        true
    }

    /// What was written (at most the cap) and whether more was attempted.
    pub(crate) fn take(&self) -> (Vec<u8>, bool) {
        let mut captured = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        (std::mem::take(&mut captured.bytes), captured.overflowed)
    }
}

impl IsTerminal for CappedOutput {
    fn is_terminal(&self) -> bool {
        false
    }
}

impl StdoutStream for CappedOutput {
    fn p2_stream(&self) -> Box<dyn OutputStream> {
        Box::new(self.clone())
    }

    fn async_stream(&self) -> Box<dyn tokio::io::AsyncWrite + Send + Sync> {
        Box::new(self.clone())
    }
}

#[wasmtime_wasi::async_trait]
impl Pollable for CappedOutput {
    async fn ready(&mut self) {}
}

impl OutputStream for CappedOutput {
    fn write(&mut self, bytes: Bytes) -> StreamResult<()> {
        if self.append(&bytes) {
            Ok(())
        } else {
            Err(StreamError::trap("output limit exceeded"))
        }
    }

    fn flush(&mut self) -> StreamResult<()> {
        Ok(())
    }

    fn check_write(&mut self) -> StreamResult<usize> {
        Ok(PERMIT)
    }
}

impl tokio::io::AsyncWrite for CappedOutput {
    fn poll_write(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        if self.append(buf) {
            Poll::Ready(Ok(buf.len()))
        } else {
            Poll::Ready(Err(io::Error::other("output limit exceeded")))
        }
    }

    fn poll_flush(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_up_to_the_cap_and_flags_the_rest() {
        let out = CappedOutput::new(5);
        assert!(out.append(b"abc"));
        assert!(out.append(b"de"));
        assert!(!out.append(b"f"));
        assert_eq!(out.take(), (b"abcde".to_vec(), true));
    }
}
