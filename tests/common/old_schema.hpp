#pragma once
// SQL that takes a database back from the current schema to schema 4 (before accounts and
// drafts), for tests that simulate a database written by an older program. Each later
// migration adds its undo here, so the tests that go back further need no change.
namespace jz::testing {

inline constexpr const char* kBackToSchema4 =
    "DROP TABLE drafts; DROP TABLE draft_events; DROP TABLE record_grants; "
    "ALTER TABLE revisions DROP COLUMN reviewer; "
    "DROP TABLE sessions; DROP TABLE users; DROP TABLE account_events; ";

}  // namespace jz::testing
