//! The ledger service: sled lets one process open a ledger, so one small
//! process per ledger owns it and serves every session (TUIs, CLI commands,
//! any Unix user of the ledger's group) over `DIR/taizhang.sock`. Clients
//! start it on demand; it exits when idle. The README's architecture section explains the design.

mod admit;
mod any;
mod client;
mod connection;
mod daily;
mod error;
mod framing;
pub mod identity;
mod listen;
mod log;
pub mod protocol;
mod ready;
mod rest;
mod run;
mod server;
mod session;
pub mod share;
mod shared;
mod spawn;
mod trust;
pub mod units;

pub use admit::{MAX_CONNECTIONS, MAX_PER_USER};
pub use any::AnyLedger;
pub use client::{ClientOptions, RemoteLedger};
pub use error::WireError;
pub use framing::{MAX_GREETING, MAX_MESSAGE, MAX_REQUEST, PART};
pub use protocol::{PROTOCOL_VERSION, Request, Response, Welcome};
pub use server::{ServeOptions, Served, Stopped, serve};

/// The service's socket inside the ledger directory.
pub const SOCKET_FILE: &str = "taizhang.sock";
/// The detached service's log inside the ledger directory.
pub const LOG_FILE: &str = "service.log";
/// A started service exits with this code when another one holds the ledger.
pub const EXIT_LOCKED: u8 = 3;
/// How long a service started on demand waits for a client, by default.
pub const DEFAULT_IDLE_EXIT_SECS: u64 = 30;
