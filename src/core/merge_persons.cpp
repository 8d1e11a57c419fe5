#include "core/merge_persons.hpp"

#include <algorithm>

#include "core/record_json.hpp"

namespace jz {
namespace {

int openness(std::string_view visibility) {
  return visibility == "public" ? 0 : visibility == "restricted" ? 1 : 2;
}

template <class T>
void dedupe(std::vector<T>& v, auto key) {
  std::vector<T> out;
  for (auto& x : v)
    if (std::none_of(out.begin(), out.end(), [&](const T& y) { return key(y) == key(x); }))
      out.push_back(std::move(x));
  v = std::move(out);
}

// Builds the merged person, keeping track of which pointers must stay hidden.
class Merge {
 public:
  Merge(const Record& kept, const Record& dup)
      : out_(kept),
        dup_(dup),
        k_(std::get<Person>(out_.body)),
        d_(std::get<Person>(dup_.body)),
        // Everything of a duplicate more hidden than the record kept stays hidden there.
        all_hidden_(openness(dup.visibility) > openness(kept.visibility)) {}

  Record run() {
    alias(d_.name.zh, "chinese", "/body/name/zh");
    alias(d_.name.zh_hant, "chinese", "/body/name/zh_hant");
    alias(d_.name.en, "english", "/body/name/en");
    for (std::size_t i = 0; i < d_.aliases.size(); ++i)
      alias(d_.aliases[i].name, d_.aliases[i].system, "/body/aliases/" + std::to_string(i));
    if (k_.gender.empty() || k_.gender == "unknown") fill(k_.gender, d_.gender, "/body/gender");
    fill(k_.born, d_.born, "/body/born");
    fill(k_.died, d_.died, "/body/died");
    fill(k_.ethnicity, d_.ethnicity, "/body/ethnicity");
    fill(k_.province, d_.province, "/body/province");
    fill(k_.home_place, d_.home_place, "/body/home_place");
    fill(k_.health, d_.health, "/body/health");
    if (k_.status == "unknown") fill(k_.status, d_.status, "/body/status", std::string("unknown"));
    fill(k_.status_verified, d_.status_verified, "/body/status_verified");
    fill(k_.status_note, d_.status_note, "/body/status_note");
    fill(k_.summary, d_.summary, "/body/summary");
    fill(k_.lawyer, d_.lawyer, "/body/lawyer");
    // The lawyer's wish goes with the person: if the duplicate asked for confidentiality,
    // the record kept asks too (and the decoder then keeps it from the public).
    if (d_.lawyer.asked_confidentiality) k_.lawyer.asked_confidentiality = true;
    for (std::size_t i = 0; i < d_.groups.size(); ++i)
      if (std::find(k_.groups.begin(), k_.groups.end(), d_.groups[i]) == k_.groups.end())
        append(k_.groups, d_.groups[i], "/body/groups", "/body/groups/" + std::to_string(i));
    for (std::size_t i = 0; i < dup_.sources.size(); ++i)
      if (std::find(out_.sources.begin(), out_.sources.end(), dup_.sources[i]) ==
          out_.sources.end())
        append(out_.sources, dup_.sources[i], "/sources", "/sources/" + std::to_string(i));
    for (std::size_t i = 0; i < dup_.links.size(); ++i) {
      const Link& l = dup_.links[i];
      bool known = std::any_of(out_.links.begin(), out_.links.end(), [&](const Link& m) {
        return m.type == l.type && m.target == l.target;
      });
      if (!known && l.target != out_.id)
        append(out_.links, l, "/links", "/links/" + std::to_string(i));
    }
    return std::move(out_);
  }

 private:
  bool hidden(const std::string& pointer) const {
    if (all_hidden_) return true;
    return std::any_of(dup_.confidential.begin(), dup_.confidential.end(), [&](const auto& p) {
      return pointer == p || pointer.starts_with(p + "/") || p.starts_with(pointer + "/");
    });
  }
  void hide(const std::string& pointer) {
    if (std::find(out_.confidential.begin(), out_.confidential.end(), pointer) ==
        out_.confidential.end())
      out_.confidential.push_back(pointer);
  }

  bool known_name(const std::string& name) const {
    if (name == k_.name.zh || name == k_.name.zh_hant || name == k_.name.en) return true;
    return std::any_of(k_.aliases.begin(), k_.aliases.end(),
                       [&](const Alias& a) { return a.name == name; });
  }
  void alias(const std::string& name, const std::string& system, const std::string& from) {
    if (name.empty() || known_name(name)) return;
    append(k_.aliases, Alias{name, system}, "/body/aliases", from);
  }

  template <class T>
  void append(std::vector<T>& list, const T& value, const std::string& list_pointer,
              const std::string& from) {
    list.push_back(value);
    if (hidden(from)) hide(list_pointer + "/" + std::to_string(list.size() - 1));
  }

  template <class T>
  void fill(T& here, const T& there, const std::string& pointer, const T& empty = T()) {
    if (!(here == empty) || there == empty) return;
    here = there;
    if (hidden(pointer)) hide(pointer);
  }

  Record out_;
  const Record& dup_;
  Person& k_;
  const Person& d_;
  bool all_hidden_;
};

}  // namespace

Result<Record> merge_persons(const Record& kept, const Record& duplicate) {
  for (const Record* r : {&kept, &duplicate}) {
    if (r->kind() != "person")
      return Status::invalid(r->id + " is a " + std::string(r->kind()) + "; only persons merge");
    if (!r->merged_into.empty())
      return Status::conflict(r->id + " was merged into " + r->merged_into + " already");
  }
  if (kept.id == duplicate.id) return Status::invalid("a record cannot be merged into itself");
  Record merged = Merge(kept, duplicate).run();
  // The one decoder has the last word: a merge that would make an invalid record fails.
  auto checked = parse_record(to_canonical_json(merged));
  if (!checked)
    return checked.status().prefixed("merging " + duplicate.id + " into " + kept.id + ": ");
  return std::move(*checked);
}

void move_references(Record& record, const std::string& from, const std::string& to) {
  // Dropping a repeated entry would shift the entries after it, and a confidential pointer
  // to one of them would then hide the wrong one: with pointers, repeats stay.
  bool may_drop = record.confidential.empty();
  for_each_reference_field(record, [&](auto& field) {
    using T = std::decay_t<decltype(field)>;
    if constexpr (std::is_same_v<T, std::string>) {
      if (field == from) field = to;
    } else if constexpr (std::is_same_v<T, Ids>) {
      std::replace(field.begin(), field.end(), from, to);
      if (may_drop) dedupe(field, [](const std::string& id) { return id; });
    } else {
      for (auto& c : field)
        if (c.source == from) c.source = to;
    }
  });
  for (auto& link : record.links)
    if (link.target == from) link.target = to;
  if (may_drop) {
    std::erase_if(record.links, [&](const Link& l) { return l.target == record.id; });
    dedupe(record.links, [](const Link& l) { return l.type + " " + l.target; });
  }
}

}  // namespace jz
