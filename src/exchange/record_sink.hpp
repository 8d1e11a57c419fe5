#pragma once
// What every importer does with a record it has built: put it in the store, count the
// outcome, and report progress.
#include <fstream>
#include <string>

#include "exchange/import.hpp"

namespace jz::exchange {

class RecordSink {
 public:
  RecordSink(store::Store& store, const ImportOptions& options, std::string reason)
      : store_(store), options_(options), change_{options.author, std::move(reason)} {}

  Status put(Record& record) {
    auto outcome = store_.put(record, change_);
    if (!outcome) return outcome.status();
    switch (*outcome) {
      case store::PutOutcome::kCreated:
        ++report_.created;
        break;
      case store::PutOutcome::kUpdated:
        ++report_.updated;
        break;
      case store::PutOutcome::kUnchanged:
        ++report_.unchanged;
        break;
    }
    return Status::ok();
  }

  // A record the import found and leaves as it is (one it creates only when missing).
  void kept() { ++report_.unchanged; }

  void row_done(std::uint64_t bytes_read, std::uint64_t total) {
    ++report_.rows;
    if (options_.progress && report_.rows % 1024 == 0) options_.progress(bytes_read, total);
  }

  void warn(std::string message) { report_.warnings.push_back(std::move(message)); }
  const ImportReport& report() const { return report_; }

 private:
  store::Store& store_;
  const ImportOptions& options_;
  store::ChangeInfo change_;
  ImportReport report_;
};

// An import's error after its transaction was rolled back: says so, keeps the code.
inline Status rolled_back(const Status& s) {
  return s.suffixed("; nothing was imported");
}

// Opens a file for import with a clear message when it cannot be read.
Result<std::ifstream> open_input(const std::string& path, std::uint64_t* size);

}  // namespace jz::exchange
