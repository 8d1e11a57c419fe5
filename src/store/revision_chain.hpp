#pragma once
// The hash that links each revision to the one before it. Writer and verifier share this one
// function, so what is checked is exactly what was written.
#include <string>

#include "store/store.hpp"

namespace jz::store {

// BLAKE2b-256 hex over prev_hash and every field of the revision, each length-prefixed so
// that no two different revisions hash the same bytes.
std::string revision_hash(const Revision& r);

}  // namespace jz::store
