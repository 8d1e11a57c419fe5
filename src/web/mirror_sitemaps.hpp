#pragma once
// The sitemaps of a mirror (sitemaps.org protocol 0.9), made from its list of files.
#include <string>
#include <utility>
#include <vector>

#include "core/mirror_file.hpp"

namespace jz::web {

// (name, XML) of each sitemap for the mirror of `files`: sitemap.xml lists every HTML page
// but the root's copy of a home page, each <loc> `base` + its path; past 50,000 pages (the
// protocol's limit per file) it is an index of sitemap-1.xml, sitemap-2.xml ...
std::vector<std::pair<std::string, std::string>> mirror_sitemaps(
    const std::vector<MirrorFile>& files, const std::string& base);

}  // namespace jz::web
