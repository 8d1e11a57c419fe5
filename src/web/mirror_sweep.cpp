// The sweep: when a change may have left a page of the mirror linked from nowhere, every link
// is followed from the roots and what is not reached is removed.
#include "web/mirror_exporter.hpp"

#include "web/mirror_paths.hpp"

namespace jz::web {

bool MirrorExporter::needs_sweep(const std::vector<std::string>& roots) const {
  if (!gone_.empty()) return true;
  if (dropped_links_.empty()) return false;
  StringSet root_files;
  for (const auto& url : roots)
    if (auto file = mirror_file(url)) root_files.insert(std::move(*file));
  // The dropped links that may be records' pages, as record paths: usually a handful,
  // looked up in one pass over the records rather than each record put in a set.
  std::unordered_set<std::string> maybe_records;
  for (auto url : dropped_links_) {
    auto file = mirror_file(url);
    if (!file || root_files.contains(*file)) continue;
    // "en/persons/p1.html" is the page of the record at "/persons/p1".
    std::string_view f = *file;
    const auto slash = f.find('/');
    if (slash == f.npos || !f.ends_with(".html")) return true;
    maybe_records.insert("/" + std::string(f.substr(slash + 1, f.size() - slash - 6)));
  }
  for (const auto& path : record_paths_) {
    if (maybe_records.empty()) break;
    maybe_records.erase(path);
  }
  return !maybe_records.empty();
}

Status MirrorExporter::sweep(std::vector<std::string> roots) {
  report_.swept = true;
  for (const auto& path : record_paths_)
    for (auto lang : i18n::all_langs())
      roots.push_back("/" + std::string(i18n::url_prefix(lang)) + path);
  std::unordered_map<std::string_view, std::size_t> index;  // file -> its page in pages_
  index.reserve(pages_.size());
  for (std::size_t i = 0; i < pages_.size(); ++i) index.emplace(pages_[i].file.view(), i);
  std::vector<bool> reached(pages_.size());
  std::vector<std::size_t> todo;
  std::set<std::string> broken;  // files of the links reached that the site does not answer
  auto reach = [&](std::string_view url, const std::string& file) -> Status {
    if (auto it = index.find(file); it != index.end()) {
      if (!reached[it->second]) todo.push_back(it->second);
      reached[it->second] = true;
      return Status::ok();
    }
    if (auto gone = gone_.find(file); gone != gone_.end()) {
      not_served_[file] = gone->second;  // linked from a page taken unchanged
    } else if (!not_served_.contains(file)) {
      JZ_RETURN_IF_ERROR(render(std::string(url), file, false));
      if (!not_served_.contains(file)) {  // it is a page now
        index.emplace(pages_.back().file.view(), pages_.size() - 1);
        reached.push_back(true);
        todo.push_back(pages_.size() - 1);
        return Status::ok();
      }
    }
    broken.insert(file);
    return Status::ok();
  };
  for (const auto& url : roots)
    if (auto file = mirror_file(url)) JZ_RETURN_IF_ERROR(reach(url, *file));
  if (const std::string root_copy(kMirrorRootCopy); index.contains(root_copy))
    JZ_RETURN_IF_ERROR(reach("", root_copy));
  while (!todo.empty()) {
    const std::size_t i = todo.back();
    todo.pop_back();
    // Rendering adds to pages_: a link to no page yet is followed after the others.
    std::vector<std::pair<std::string, std::string>> later;  // URL, file
    for (auto url : pages_[i].links) {
      auto file = mirror_file(url);
      if (!file) continue;
      if (index.contains(*file))
        JZ_RETURN_IF_ERROR(reach(url, *file));
      else
        later.emplace_back(url, std::move(*file));
    }
    for (const auto& [url, file] : later) JZ_RETURN_IF_ERROR(reach(url, file));
  }
  std::erase_if(not_served_, [&](const auto& entry) { return !broken.contains(entry.first); });

  StringSet gone;  // files of the pages no longer reached
  std::size_t kept = 0;
  std::lock_guard lock(mutex_);  // the search index may still be writing files
  outside_.clear();
  for (std::size_t i = 0; i < pages_.size(); ++i) {
    if (!reached[i]) {
      (taken_[i] ? report_.reused : report_.pages) -= 1;
      gone.insert(pages_[i].file.str());
      continue;
    }
    add_links(pages_[i], false);
    if (kept != i) {
      pages_[kept] = std::move(pages_[i]);
      taken_[kept] = taken_[i];
    }
    ++kept;
  }
  pages_.resize(kept);
  taken_.resize(kept);
  kept = 0;
  for (std::size_t i = 0; i < report_.files.size(); ++i) {
    if (gone.contains(report_.files[i].path)) {
      report_.bytes -= report_.files[i].size;
      --(files_kept_[i] ? report_.kept : report_.written);
      continue;
    }
    if (kept != i) {
      report_.files[kept] = std::move(report_.files[i]);
      files_kept_[kept] = files_kept_[i];
    }
    ++kept;
  }
  report_.files.resize(kept);
  files_kept_.resize(kept);
  // What `out` held is removed by remove_stale(); what this export put there, here, and
  // not counted as removed: the mirror before it did not have it.
  for (const auto& path : gone)
    if (!held_.contains(path)) JZ_RETURN_IF_ERROR(remove_file(path, false));
  return Status::ok();
}

}  // namespace jz::web
