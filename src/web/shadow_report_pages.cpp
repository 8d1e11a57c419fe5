// The draft shadow report of a review (web/shadow_report.hpp) as a page and as a PDF table:
// both languages side by side throughout, since the submission goes to a UN committee in
// English and back to the team in Chinese.
#include <nlohmann/json.hpp>

#include "publish/pdf_table.hpp"
#include "web/assessment_views.hpp"
#include "web/handlers.hpp"
#include "web/record_views.hpp"
#include "web/shadow_report.hpp"

namespace jz::web {
namespace {

using nlohmann::json;

// "English / 中文", or whichever there is.
std::string both(const Text& t) {
  if (t.en.empty()) return t.zh;
  if (t.zh.empty()) return t.en;
  return t.en + " / " + t.zh;
}

std::string article_heading(const ArticleScope& s) {
  return "Article " + s.article + " 第" + s.article + "条: " + both(s.title);
}

std::string latest_status(Call& call, const Recommendation& r) {
  if (r.assessments.empty()) return call.t("ui.shadow_not_assessed");
  const auto& a = r.assessments.back();
  return call.label("implementation_status", a.value) + " (" + call.date(a.date) + ")";
}

// A recommendation's sources: its own and those of its assessments.
std::vector<Citation> sources_of(const Record& r) {
  std::vector<Citation> out = r.sources;
  for (const auto& a : std::get<Recommendation>(r.body).assessments)
    out.insert(out.end(), a.sources.begin(), a.sources.end());
  return out;
}

// The public sources a row rests on, as the _cites partial shows them.
void with_cites(Call& call, json& row, const std::vector<Citation>& sources) {
  json cites = citations_of(call, sources);
  row["has_cites"] = !cites.empty();
  row["cites"] = std::move(cites);
}

// What the page shows of one recommendation: its text in both languages and where it is from.
json recommendation_row(Call& call, const Record& r) {
  const auto& rec = std::get<Recommendation>(r.body);
  json row = {{"href", call.url_of("recommendation", r.id)},
              {"text", both(rec.text)},
              {"status", latest_status(call, rec)}};
  if (auto review = call.ref(rec.review); !review.is_null()) row["review"] = review;
  if (!rec.from.empty()) row["from"] = rec.from;
  if (!rec.response.empty()) row["response"] = call.label("rec_response", rec.response);
  with_cites(call, row, sources_of(r));
  return row;
}

json section_json(Call& call, const ShadowSection& s) {
  json out = {{"heading", article_heading(*s.scope)}, {"empty", s.empty()}};
  json violations = json::array();
  for (const auto& v : s.violations) violations.push_back(v.row);
  json events = json::array();
  for (const auto& r : s.events) {
    const auto& e = std::get<Event>(r.body);
    json row = {{"date", call.date(e.date)},
                {"type", call.label("event_type", e.type)},
                {"title", both(e.title.empty() ? e.notes : e.title)}};
    if (auto c = call.ref(e.case_id); !e.case_id.empty() && !c.is_null()) row["case"] = c;
    with_cites(call, row, r.sources);
    events.push_back(std::move(row));
  }
  json facilities = json::array();
  for (const auto& r : s.facilities) {
    json item = list_item(call, r);
    item["both"] = both(r.label());
    with_cites(call, item, r.sources);
    facilities.push_back(std::move(item));
  }
  json recommendations = json::array();
  for (const auto& r : s.recommendations) recommendations.push_back(recommendation_row(call, r));
  out["violations"] = std::move(violations);
  out["events"] = std::move(events);
  out["facilities"] = std::move(facilities);
  out["recommendations"] = std::move(recommendations);
  out["has_violations"] = !s.violations.empty();
  out["has_events"] = !s.events.empty();
  out["has_facilities"] = !s.facilities.empty();
  out["has_recommendations"] = !s.recommendations.empty();
  return out;
}

// The sources cited by the records a section lists, once each, as "title (locator)".
std::string cited(Call& call, const std::vector<Citation>& citations) {
  std::string out;
  for (const auto& c : citations) {
    auto source = call.public_record(c.source);
    if (!source) continue;
    if (!out.empty()) out += "\n";
    out += both(source->label()) + (c.locator.empty() ? "" : " (" + c.locator + ")");
  }
  return out;
}

std::vector<std::vector<std::string>> pdf_rows(Call& call, const ShadowReport& report) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& s : report.sections) {
    const std::string article = "Art. " + s.scope->article + "\n" + both(s.scope->title);
    if (s.empty()) rows.push_back({article, call.t("ui.shadow_nothing"), ""});
    for (const auto& v : s.violations) {
      auto the_case = call.public_record(v.case_id);
      std::string rule = v.clock.rule ? both(v.clock.rule->summary) : both(v.clock.no_basis->text);
      std::string what = (the_case ? both(the_case->label()) : v.case_id) + "\n" +
                         call.t("clock_state." + std::string(monitor::state_name(v.clock.state))) +
                         ": " + rule;
      if (auto a = v.row.find("amount"); a != v.row.end() && a->is_string())
        what += " (" + a->get<std::string>() + ")";
      rows.push_back({article, what, the_case ? cited(call, the_case->sources) : ""});
    }
    for (const auto& r : s.events) {
      const auto& e = std::get<Event>(r.body);
      rows.push_back({article,
                      call.date(e.date) + " · " + call.label("event_type", e.type) + "\n" +
                          both(e.title.empty() ? e.notes : e.title),
                      cited(call, r.sources)});
    }
    for (const auto& r : s.facilities)
      rows.push_back(
          {article,
           both(r.label()) + "\n" + call.label("facility_type", std::get<Facility>(r.body).type),
           cited(call, r.sources)});
    for (const auto& r : s.recommendations) {
      const auto& rec = std::get<Recommendation>(r.body);
      auto review = call.public_record(rec.review);
      std::string where = review ? both(review->label()) : rec.review;
      if (!rec.from.empty()) where += " · " + rec.from;
      rows.push_back({article, both(rec.text) + "\n" + where + " · " + latest_status(call, rec),
                      cited(call, sources_of(r))});
    }
  }
  return rows;
}

Result<ShadowReport> report_of(Call& call) {
  auto report = shadow_report(call, call.id);
  if (!report) return report.status();
  if (report->code.empty())
    return Status::not_found("no treaty articles are mapped for this review's treaty");
  return report;
}

}  // namespace

http::Response shadow_report_page(Call& call) {
  auto report = report_of(call);
  if (!report) return call.error(404, report.status().message());
  const auto& v = std::get<Review>(report->review.body);
  json sections = json::array();
  for (const auto& s : report->sections) sections.push_back(section_json(call, s));
  json data = {{"heading", call.t("ui.shadow_heading")},
               {"review", call.ref(report->review.id)},
               {"review_both", both(v.title)},
               {"date", call.date(v.date)},
               {"treaty", report->treaty ? json(both(report->treaty->label())) : json()},
               {"pdf", call.url_of("review", report->review.id) + "/shadow-report.pdf"},
               {"sections", std::move(sections)},
               {"t",
                {{"draft", call.t("ui.shadow_draft")},
                 {"violations", call.t("ui.shadow_violations")},
                 {"events", call.t("ui.shadow_events")},
                 {"facilities", call.t("ui.shadow_facilities")},
                 {"recommendations", call.t("ui.shadow_recommendations")},
                 {"nothing", call.t("ui.shadow_nothing")},
                 {"pdf", call.t("ui.shadow_pdf")}}}};
  return call.page("shadow_report.mustache", std::move(data),
                   call.t("ui.shadow_heading") + ": " + call.str(v.title));
}

http::Response shadow_report_pdf(Call& call) {
  auto report = report_of(call);
  if (!report) return call.error(404, report.status().message());
  const auto& v = std::get<Review>(report->review.body);
  publish::PdfTable table;
  table.title = "Shadow report (draft) 影子报告（草稿）: " + both(v.title);
  table.subtitle = (report->treaty ? both(report->treaty->label()) + " · " : "") +
                   (v.date ? v.date->to_string() : "");
  table.columns = {"条款 Article", "关注与证据 Concern and evidence", "来源 Sources"};
  table.widths = {2.2, 5.5, 2.6};
  table.rows = pdf_rows(call, *report);
  table.footer = "Jianzheng 见证 · " + call.t("ui.shadow_draft");
  table.created = report->updated;
  auto pdf = publish::render_pdf(table);
  if (!pdf) return call.error(pdf.status());
  return download("application/pdf", std::move(*pdf), report->review.id + "-shadow-report.pdf");
}

}  // namespace jz::web
