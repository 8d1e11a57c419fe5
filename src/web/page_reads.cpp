#include "web/page_reads.hpp"

#include <algorithm>

namespace jz::web {
namespace {

thread_local PageReads* current = nullptr;

void note(std::string_view prefix, std::string_view value) {
  if (!current) return;
  std::string key;
  key.reserve(prefix.size() + value.size());
  key.append(prefix).append(value);
  current->keys.push_back(std::move(key));
}

}  // namespace

void PageReads::finish() {
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
}

RecordPageReads::RecordPageReads(PageReads& reads) : outer_(current) {
  current = &reads;
}
RecordPageReads::~RecordPageReads() {
  current = outer_;
}

void note_record(std::string_view id) {
  note("r:", id);
}
void note_list(std::string_view kind) {
  note("k:", kind.empty() ? "*" : kind);
}
void note_change(std::string_view kind) {
  note("u:", kind.empty() ? "*" : kind);
}
void note_referrers(std::string_view id) {
  note("to:", id);
}
void note_today() {
  if (current) current->today = true;
}
void note_reads(const PageReads& reads) {
  if (!current) return;
  current->keys.insert(current->keys.end(), reads.keys.begin(), reads.keys.end());
  current->today |= reads.today;
}

}  // namespace jz::web
