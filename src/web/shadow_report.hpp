#pragma once
// A draft shadow report for one review (issue 7): for each article of the reviewed treaty,
// what the public record holds that bears on it, taken from data/treaty-articles.json (which
// event types, legal-clock rules, facility types and recommendation themes go under which
// article): procedural violations of public cases (web/violations.hpp), public events and
// facilities of those types, and earlier recommendations on those themes not carried out.
// The page and the PDF (shadow_report_pages.cpp) both render this; a draft for the team
// to check and finish, never a finished submission.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/record.hpp"
#include "core/status.hpp"
#include "web/call.hpp"
#include "web/violations.hpp"

namespace jz::web {

// What goes under one article of a treaty.
struct ArticleScope {
  std::string article;  // "1-2", "11"
  Text title;
  std::vector<std::string> events, clocks, facilities, themes;
};

// Treaty code ("CAT") to its articles, in order. Errors name the JSON path.
using TreatyArticles = std::map<std::string, std::vector<ArticleScope>>;
Result<TreatyArticles> parse_treaty_articles(std::string_view json_text);
// The mapping compiled into the binary from data/treaty-articles.json.
const TreatyArticles& treaty_articles();

struct ShadowSection {
  const ArticleScope* scope = nullptr;
  std::vector<Violation> violations = {};
  std::vector<Record> events = {};           // public views
  std::vector<Record> facilities = {};       // public views
  std::vector<Record> recommendations = {};  // earlier, on these themes, not implemented
  bool empty() const {
    return violations.empty() && events.empty() && facilities.empty() && recommendations.empty();
  }
};

struct ShadowReport {
  Record review;                      // public view
  std::optional<Record> treaty = {};  // public view, when the review names one
  std::string code = {};              // the treaty's code; "" when it has none or no mapping
  std::vector<ShadowSection> sections = {};
  std::string updated = {};  // the latest `updated` of every record used: the PDF's date
};

// The draft for a public review; not found unless `review_id` is one.
Result<ShadowReport> shadow_report(Call& call, std::string_view review_id);

}  // namespace jz::web
