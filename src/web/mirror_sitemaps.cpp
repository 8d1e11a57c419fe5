#include "web/mirror_sitemaps.hpp"

#include <algorithm>

#include "web/feeds.hpp"
#include "web/mirror_paths.hpp"

namespace jz::web {
namespace {

constexpr std::size_t kSitemapUrls = 50000;  // the sitemaps protocol's limit per file

}  // namespace

std::vector<std::pair<std::string, std::string>> mirror_sitemaps(
    const std::vector<MirrorFile>& files, const std::string& base) {
  std::vector<std::string> pages;
  for (const auto& f : files)
    if (f.path.ends_with(".html") && f.path != kMirrorRootCopy) pages.push_back(f.path);
  std::sort(pages.begin(), pages.end());
  auto urlset = [&](std::size_t from, std::size_t to) {
    std::string xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (std::size_t i = from; i < to; ++i)
      xml += "<url><loc>" + xml_escape(base + pages[i]) + "</loc></url>\n";
    return xml + "</urlset>\n";
  };
  if (pages.size() <= kSitemapUrls) return {{"sitemap.xml", urlset(0, pages.size())}};
  std::vector<std::pair<std::string, std::string>> out;
  std::string index =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (std::size_t from = 0; from < pages.size(); from += kSitemapUrls) {
    std::string name = "sitemap-" + std::to_string(from / kSitemapUrls + 1) + ".xml";
    index += "<sitemap><loc>" + xml_escape(base + name) + "</loc></sitemap>\n";
    out.emplace_back(name, urlset(from, std::min(pages.size(), from + kSitemapUrls)));
  }
  out.emplace_back("sitemap.xml", index + "</sitemapindex>\n");
  return out;
}

}  // namespace jz::web
