#include "web/mirror_records.hpp"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "core/record_json.hpp"
#include "search/search_document.hpp"
#include "web/call.hpp"

namespace jz::web {
namespace {

constexpr std::size_t kBatch = 256;  // records handed over at a time
constexpr std::size_t kQueued = 16;  // batches read ahead of the deriving thread, at most

// What the mirror's search index holds of a public record: its page, and its title, kind and
// status in each language, as a Call in that language shows them.
search::StaticDocument static_document(const Site& site, const MirrorRender& render,
                                       const Record& view, std::string_view section,
                                       search::SearchDocument fields) {
  search::StaticDocument doc;
  doc.path = std::string(section) + "/" + view.id + ".html";
  doc.kind = view.kind();
  const http::Request none;
  for (auto lang : i18n::all_langs()) {
    Call call(none, site);
    call.lang = lang;
    call.visible = render.visible;
    const auto i = static_cast<std::size_t>(lang);
    doc.kind_labels[i] = call.t("kinds." + doc.kind);
    doc.titles[i] = call.title_of(view);
    if (const auto* p = std::get_if<Person>(&view.body))
      doc.lines[i] = call.label("person_status", p->status);
    if (const auto* c = std::get_if<Case>(&view.body))
      doc.lines[i] = call.label("case_status", c->status);
  }
  doc.fields = std::move(fields);
  return doc;
}

// Batches of records from the reading thread to the deriving one, in order.
class Handover {
 public:
  // False when the deriving thread stopped (it failed): reading stops too.
  bool put(std::vector<Record> batch) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return batches_.size() < kQueued || stopped_; });
    if (stopped_) return false;
    batches_.push_back(std::move(batch));
    changed_.notify_all();
    return true;
  }
  // The next batch; empty once the reader is done and every batch was taken.
  std::vector<Record> take() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !batches_.empty() || done_; });
    if (batches_.empty()) return {};
    auto batch = std::move(batches_.front());
    batches_.pop_front();
    changed_.notify_all();
    return batch;
  }
  void done() { set(done_); }
  void stop() { set(stopped_); }

 private:
  void set(bool& flag) {
    std::lock_guard lock(mutex_);
    flag = true;
    changed_.notify_all();
  }
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::vector<Record>> batches_;
  bool done_ = false, stopped_ = false;
};

}  // namespace

Result<MirrorRecords> read_mirror_records(store::Store& store, const IsPublic& is_public,
                                          const Site& site, const MirrorRender& render,
                                          search::StaticIndexWriter& index) {
  MirrorRecords out;
  Handover handover;
  Status derived;
  std::jthread deriving([&] {
    auto derive = [&](const Record& r) -> Status {
      auto view = public_view(r, is_public);
      if (!view) return Status::ok();
      out.jsonl += to_canonical_json(*view);
      out.jsonl += '\n';
      auto section = section_of(view->kind());
      if (section.empty()) return Status::ok();  // events are shown on their case's page
      out.paths.push_back("/" + std::string(section) + "/" + view->id);
      auto fields = search::search_document(r);
      if (!fields) return fields.status();
      if (*fields) index.add(static_document(site, render, *view, section, std::move(**fields)));
      return Status::ok();
    };
    for (auto batch = handover.take(); !batch.empty(); batch = handover.take())
      for (const auto& r : batch)
        if (derived = derive(r); !derived.is_ok()) return handover.stop();
  });
  // However reading ends, even by an exception, the deriving thread is told before it is
  // joined, or it would wait for batches forever.
  struct DoneAtExit {
    Handover& handover;
    ~DoneAtExit() { handover.done(); }
  } done_at_exit{handover};
  std::vector<Record> batch;
  Status read = store.for_each([&](const Record& r) -> Status {
    batch.push_back(r);
    if (batch.size() == kBatch && !handover.put(std::exchange(batch, {})))
      return Status::internal("stopped");  // the deriving thread's failure is reported
    return Status::ok();
  });
  if (read.is_ok() && !batch.empty()) handover.put(std::move(batch));
  handover.done();
  deriving.join();
  if (!derived.is_ok()) return derived;
  if (!read.is_ok()) return read;
  return out;
}

}  // namespace jz::web
