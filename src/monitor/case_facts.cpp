#include "monitor/case_facts.hpp"

#include <algorithm>
#include <charconv>

namespace jz::monitor {
namespace {

// The article number a charge cites: "105", "105(2)", "120-1", "第105条" all give 105.
int article_number(std::string_view article) {
  auto digit = article.find_first_of("0123456789");
  if (digit == std::string_view::npos) return 0;
  int n = 0;
  std::from_chars(article.data() + digit, article.data() + article.size(), n);
  return n;
}

bool mentions(const Text& t, std::initializer_list<std::string_view> words) {
  for (auto w : words)
    if (t.zh.find(w) != std::string::npos || t.en.find(w) != std::string::npos) return true;
  return false;
}

Step step_of(const Record& r, const std::map<std::string, std::string>& facility_types) {
  const auto& e = std::get<Event>(r.body);
  Step s{.id = r.id, .event = &e};
  s.lo = start_of(e.date.earliest());
  s.hi = start_of(e.date.latest()) + kMinutesPerDay;
  const auto& from = e.date.from();
  const auto& to = e.date.is_range() ? e.date.to() : from;
  s.vague =
      from.open || to.open || from.approximate || from.uncertain || to.approximate || to.uncertain;
  if (auto f = facility_types.find(e.facility); f != facility_types.end())
    s.facility_type = f->second;
  return s;
}

std::string describe(const Step& s) {
  return s.id + " (" + s.event->type + ", " + s.event->date.to_string() + ")";
}

Status check_order(const Law& law, const std::vector<Step>& steps) {
  for (const auto& [first, then] : law.order) {
    auto a = std::find_if(steps.begin(), steps.end(),
                          [&](const Step& s) { return s.event->type == first; });
    auto b = std::find_if(steps.begin(), steps.end(),
                          [&](const Step& s) { return s.event->type == then; });
    if (a != steps.end() && b != steps.end() && b->hi <= a->lo)
      return Status::invalid("event " + describe(*b) + " is dated before " + describe(*a) +
                             ", but " + then + " always follows " + first +
                             ": check the two dates");
  }
  return Status::ok();
}

}  // namespace

Result<CaseFacts> case_facts(const Law& law, const Record& the_case,
                             const std::vector<Record>& events,
                             const std::map<std::string, std::string>& facility_types,
                             Minutes now) {
  CaseFacts facts{.case_id = the_case.id};
  const auto& c = std::get<Case>(the_case.body);
  for (const auto& charge : c.charges) {
    int n = charge.law == "criminal_law" ? article_number(charge.article) : 0;
    bool security = (n >= 102 && n <= 113) ||
                    mentions(charge.name, {"颠覆国家政权", "分裂国家", "间谍", "subversion"});
    bool terror = n == 120 || mentions(charge.name, {"恐怖", "terroris"});
    if ((security || terror) && facts.charge_basis.empty()) {
      facts.charge_basis = charge.name.zh.empty() ? charge.name.en : charge.name.zh;
      if (!charge.article.empty()) facts.charge_basis += " (" + charge.article + ")";
    }
    facts.state_security |= security;
    facts.terrorism |= terror;
  }
  std::vector<Step> all;
  for (const auto& r : events) {
    if (r.kind() != "event") continue;
    Step s = step_of(r, facility_types);
    if (!s.vague && s.lo > now)
      return Status::invalid("event " + describe(s) +
                             " is dated in the future: correct the date or leave the event out "
                             "until it happens");
    all.push_back(std::move(s));
  }
  std::stable_sort(all.begin(), all.end(), [](const Step& a, const Step& b) {
    return a.lo != b.lo ? a.lo < b.lo : a.hi < b.hi;
  });
  std::vector<std::string> people = c.persons.size() > 1 ? c.persons : Ids{""};
  for (const auto& person : people) {
    auto& stream = facts.streams[person];
    for (const auto& s : all)
      if (person.empty() || s.event->persons.empty() ||
          std::find(s.event->persons.begin(), s.event->persons.end(), person) !=
              s.event->persons.end())
        stream.push_back(s);
    JZ_RETURN_IF_ERROR(check_order(law, stream));
  }
  return facts;
}

}  // namespace jz::monitor
