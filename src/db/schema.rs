//! The portable schema: one definition for SQLite and PostgreSQL. Ids are
//! UUIDs as `Text`; timestamps are `Timestamp` holding UTC.

diesel::table! {
    users (id) {
        id -> Text,
        email -> Text,
        display_name -> Text,
        password_hash -> Text,
        role -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    sessions (id) {
        id -> Text,
        user_id -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
        expires_at -> Timestamp,
        user_agent -> Nullable<Text>,
        ip -> Nullable<Text>,
    }
}

diesel::table! {
    api_tokens (id) {
        id -> Text,
        user_id -> Text,
        name -> Text,
        token_hash -> Text,
        token_prefix -> Text,
        created_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    server_secrets (name) {
        name -> Text,
        value -> Text,
        created_at -> Timestamp,
    }
}

diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(api_tokens -> users (user_id));

diesel::table! {
    challenges (id) {
        id -> Text,
        slug -> Text,
        kind -> Text,
        title -> Text,
        difficulty -> Text,
        skills -> Text,
        tags -> Text,
        points -> Integer,
        origin -> Text,
        author_id -> Nullable<Text>,
        published -> Bool,
        current_version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    challenge_versions (id) {
        id -> Text,
        challenge_id -> Text,
        version -> Integer,
        content_hash -> Text,
        package -> Text,
        created_at -> Timestamp,
        files -> Nullable<Text>,
        view -> Nullable<Text>,
        check_status -> Text,
        check_report -> Nullable<Text>,
        checked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    editor_settings (user_id) {
        user_id -> Text,
        settings -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    answer_drafts (user_id, challenge_id, language) {
        user_id -> Text,
        challenge_id -> Text,
        language -> Text,
        source -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    challenge_drafts (id) {
        id -> Text,
        slug -> Text,
        author_id -> Text,
        files -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    submissions (id) {
        id -> Text,
        user_id -> Text,
        challenge_id -> Text,
        challenge_version -> Integer,
        mode -> Text,
        language -> Nullable<Text>,
        answer -> Text,
        custom_input -> Nullable<Text>,
        idempotency_key -> Nullable<Text>,
        status -> Text,
        progress -> Text,
        tests_total -> Nullable<Integer>,
        verdict -> Nullable<Text>,
        score -> Nullable<Double>,
        fuel -> Nullable<BigInt>,
        report -> Nullable<Text>,
        error -> Nullable<Text>,
        override_score -> Nullable<Double>,
        override_comment -> Nullable<Text>,
        reviewed_by -> Nullable<Text>,
        reviewed_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        graded_at -> Nullable<Timestamp>,
        session_id -> Nullable<Text>,
    }
}

diesel::table! {
    timed_sessions (id) {
        id -> Text,
        user_id -> Text,
        purpose -> Text,
        format -> Text,
        title -> Text,
        status -> Text,
        started_at -> Timestamp,
        deadline -> Timestamp,
        ended_at -> Nullable<Timestamp>,
        end_reason -> Nullable<Text>,
        lease_owner -> Nullable<Text>,
        lease_until -> Nullable<Timestamp>,
    }
}

diesel::table! {
    timed_session_problems (session_id, position) {
        session_id -> Text,
        position -> Integer,
        challenge_id -> Text,
    }
}

diesel::table! {
    grading_jobs (id) {
        id -> Text,
        submission_id -> Text,
        state -> Text,
        attempts -> Integer,
        max_attempts -> Integer,
        lease_owner -> Nullable<Text>,
        lease_expires_at -> Nullable<Timestamp>,
        available_at -> Timestamp,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        share_key -> Text,
    }
}

diesel::table! {
    rooms (id) {
        id -> Text,
        owner_id -> Text,
        title -> Text,
        mode -> Text,
        state -> Text,
        invite_token -> Text,
        created_at -> Timestamp,
        starts_at -> Nullable<Timestamp>,
        started_at -> Nullable<Timestamp>,
        swapped_at -> Nullable<Timestamp>,
        ended_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    room_problems (room_id, position) {
        room_id -> Text,
        position -> Integer,
        challenge_id -> Text,
    }
}

diesel::table! {
    room_members (room_id, user_id) {
        room_id -> Text,
        user_id -> Text,
        role -> Text,
        joined_at -> Timestamp,
    }
}

diesel::table! {
    room_updates (id) {
        id -> Text,
        room_id -> Text,
        author_id -> Nullable<Text>,
        at -> Timestamp,
        edits -> Integer,
        body -> Binary,
    }
}

diesel::table! {
    room_notes (room_id, author_id) {
        room_id -> Text,
        author_id -> Text,
        notes -> Text,
        scorecard -> Nullable<Text>,
        feedback -> Text,
        updated_at -> Timestamp,
    }
}

diesel::joinable!(challenge_versions -> challenges (challenge_id));
diesel::joinable!(editor_settings -> users (user_id));
diesel::joinable!(answer_drafts -> users (user_id));
diesel::joinable!(answer_drafts -> challenges (challenge_id));
diesel::joinable!(submissions -> challenges (challenge_id));
diesel::joinable!(submissions -> users (user_id));
diesel::joinable!(grading_jobs -> submissions (submission_id));
diesel::joinable!(challenges -> users (author_id));
diesel::joinable!(timed_sessions -> users (user_id));
diesel::joinable!(timed_session_problems -> timed_sessions (session_id));
diesel::joinable!(timed_session_problems -> challenges (challenge_id));
diesel::joinable!(rooms -> users (owner_id));
diesel::joinable!(room_problems -> rooms (room_id));
diesel::joinable!(room_problems -> challenges (challenge_id));
diesel::joinable!(room_members -> rooms (room_id));
diesel::joinable!(room_members -> users (user_id));
diesel::joinable!(room_updates -> rooms (room_id));
diesel::joinable!(room_notes -> rooms (room_id));

diesel::allow_tables_to_appear_in_same_query!(
    users,
    sessions,
    api_tokens,
    server_secrets,
    challenges,
    challenge_versions,
    submissions,
    grading_jobs,
    challenge_drafts,
    editor_settings,
    answer_drafts,
    timed_sessions,
    timed_session_problems,
    rooms,
    room_problems,
    room_members,
    room_updates,
    room_notes,
);
