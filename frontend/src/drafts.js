// Drafts: the code in the editor, kept per challenge and language. Local
// storage always has a copy (it is read synchronously, so the editor opens
// with the draft, and it is all that works offline); for signed-in users the
// server keeps one too (`/api/v1/challenges/{slug}/draft`), so a draft
// follows the person to other devices. Whichever copy was saved last wins,
// judged by `updated_at`. Changes go to the server a second after typing
// stops, when the page is hidden, and when the browser comes back online.

import { store, getJson, putJson } from "./dom.js";

const PUSH_AFTER_MS = 1000;

export class Drafts {
  constructor({ slug, signedIn }) {
    this.slug = slug;
    this.signedIn = signedIn;
    this.dirty = new Set();
    this.timer = null;
    window.addEventListener("online", () => this.pushAll());
    // `pagehide` is the last reliable moment on phones; `visibilitychange`
    // covers switching tabs and apps.
    window.addEventListener("pagehide", () => this.pushAll({ keepalive: true }));
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "hidden") this.pushAll({ keepalive: true });
    });
  }

  key(language) {
    return `rehearse:draft:${this.slug}:${language}`;
  }

  /// `{source, updated_at, pending}` from local storage, or null. Drafts
  /// saved by earlier versions are plain text with no time.
  local(language) {
    const raw = store.get(this.key(language));
    if (raw === null) return null;
    try {
      const value = JSON.parse(raw);
      if (value && value.v === 2 && typeof value.source === "string") return value;
    } catch (_) {
      // Plain text: an older draft.
    }
    return { v: 2, source: raw, updated_at: new Date(0).toISOString(), pending: this.signedIn };
  }

  writeLocal(language, source, updatedAt, pending) {
    store.setJson(this.key(language), { v: 2, source, updated_at: updatedAt, pending });
  }

  /// After an edit: kept locally at once, sent to the server soon.
  changed(language, source) {
    this.writeLocal(language, source, new Date().toISOString(), this.signedIn);
    if (!this.signedIn) return;
    this.dirty.add(language);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.pushAll(), PUSH_AFTER_MS);
  }

  pushAll(options) {
    clearTimeout(this.timer);
    const languages = Array.from(this.dirty);
    return Promise.all(languages.map((language) => this.push(language, options)));
  }

  /// Sends the local copy of `language` if the server has not got it.
  async push(language, options) {
    const local = this.local(language);
    if (!this.signedIn || !local || !local.pending) {
      this.dirty.delete(language);
      return;
    }
    try {
      const saved = await putJson(`/api/v1/challenges/${this.slug}/draft`, { language, source: local.source }, options);
      this.dirty.delete(language);
      // Typing may have gone on while the request was out: only what was
      // sent is marked as saved.
      const now = this.local(language);
      if (now && now.source === local.source) this.writeLocal(language, local.source, saved.updated_at, false);
    } catch (error) {
      // Offline or refused: stays pending, sent again when back online or
      // after the next edit. A server without drafts (404) is not retried.
      if (error.status === 404 || error.status === 405) this.dirty.delete(language);
      else this.dirty.add(language);
    }
  }

  /// Compares the local copy with the server's. Resolves to the server's
  /// text when it is newer (the caller shows it), otherwise to null, after
  /// sending a local copy the server has not seen.
  async reconcile(language) {
    if (!this.signedIn) return null;
    let remote = null;
    try {
      remote = await getJson(`/api/v1/challenges/${this.slug}/draft?language=${encodeURIComponent(language)}`);
    } catch (error) {
      if (error.status !== 404) return null; // offline: keep the local copy
    }
    const local = this.local(language);
    if (remote && (!local || Date.parse(remote.updated_at) > Date.parse(local.updated_at))) {
      this.writeLocal(language, remote.source, remote.updated_at, false);
      return remote.source;
    }
    if (local && local.pending) {
      this.dirty.add(language);
      await this.push(language);
    }
    return null;
  }
}
