#include "core/lines.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

std::vector<std::string> all_lines(std::string_view text, std::vector<uint64_t>* numbers = nullptr) {
  std::vector<std::string> out;
  dyad::LineCursor lines(text);
  for (std::string_view line; lines.next(line);) {
    out.emplace_back(line);
    if (numbers) numbers->push_back(lines.number());
  }
  return out;
}

TEST(LineCursor, SplitsOnNewlineAndDropsCarriageReturns) {
  std::vector<uint64_t> numbers;
  EXPECT_EQ(all_lines("a\tb\r\n\nc", &numbers), (std::vector<std::string>{"a\tb", "", "c"}));
  EXPECT_EQ(numbers, (std::vector<uint64_t>{1, 2, 3}));
}

TEST(LineCursor, TrailingNewlineGivesALastEmptyLine) {
  EXPECT_EQ(all_lines("x\n"), (std::vector<std::string>{"x", ""}));
  EXPECT_EQ(all_lines(""), (std::vector<std::string>{""}));
}

TEST(LineCursor, KeepsACarriageReturnInsideALine) {
  EXPECT_EQ(all_lines("a\rb\r"), (std::vector<std::string>{"a\rb"}));
}

TEST(LineCursor, NumberIsZeroBeforeTheFirstLineAndStaysAfterTheLast) {
  dyad::LineCursor lines("one\ntwo");
  EXPECT_EQ(lines.number(), 0u);
  std::string_view line;
  ASSERT_TRUE(lines.next(line));
  ASSERT_TRUE(lines.next(line));
  EXPECT_EQ(line, "two");
  EXPECT_FALSE(lines.next(line));
  EXPECT_EQ(lines.number(), 2u);
}

}  // namespace
