#include "core/document.h"

namespace dyad {

std::string_view to_string(EntityType t) {
  switch (t) {
    case EntityType::person:
      return "person";
    case EntityType::organization:
      return "organization";
    case EntityType::location:
      return "location";
  }
  return "person";
}

std::string_view to_string(MentionKind k) {
  switch (k) {
    case MentionKind::person:
      return "person";
    case MentionKind::organization:
      return "organization";
    case MentionKind::country:
      return "country";
    case MentionKind::agent:
      return "agent";
    case MentionKind::location:
      return "location";
  }
  return "person";
}

std::string_view to_string(ReferenceKind k) {
  switch (k) {
    case ReferenceKind::name:
      return "name";
    case ReferenceKind::role:
      return "role";
    case ReferenceKind::pronoun:
      return "pronoun";
    case ReferenceKind::adjective:
      return "adjective";
  }
  return "name";
}

std::string_view to_string(EventMode m) {
  switch (m) {
    case EventMode::happened:
      return "happened";
    case EventMode::expected:
      return "expected";
    case EventMode::negated:
      return "negated";
    case EventMode::possible:
      return "possible";
  }
  return "happened";
}

Tone& Tone::operator+=(const Tone& o) {
  words += o.words;
  positive_words += o.positive_words;
  negative_words += o.negative_words;
  polar_words += o.polar_words;
  activity_words += o.activity_words;
  self_group_words += o.self_group_words;
  valence += o.valence;
  return *this;
}

std::string_view to_string(StanceKind k) {
  switch (k) {
    case StanceKind::epithet:
      return "epithet";
    case StanceKind::loaded_verb:
      return "loaded_verb";
    case StanceKind::hedge:
      return "hedge";
    case StanceKind::scare_quote:
      return "scare_quote";
  }
  return "epithet";
}

}  // namespace dyad
