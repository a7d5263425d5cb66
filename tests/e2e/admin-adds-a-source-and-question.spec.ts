import { expect, expectNoAxeViolations, signIn, signUpNewStudent, test, DEMO } from "./fixtures";

const run = Date.now().toString(36);
const TITLE = `Test statement ${run}: what the ceasefire left open`;
const SLUG = `test-statement-${run}`;
// Pasted as from a web page: Windows line ends and a paragraph broken across lines, tidied on saving.
const BODY = [
  "The author writes from Yerevan and calls the city Stepanakert throughout.",
  "",
  "The statement of 9 November 2020 left the status of the region open.\r\nThe author argues that only an international presence can protect the people who stayed.",
  "",
  "Leave nothing out: the author names no source for the figures given.",
].join("\r\n");

test("an admin adds a source with its card, marks evidence, builds a perspective quiz in module 3 and publishes it; a student answers it; a later edit leaves the student's score alone", async ({ browser }) => {
  test.setTimeout(150_000); // two people's whole flows, with three axe scans
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, DEMO.admin);
  await expect(admin).toHaveURL(/\/admin$/);
  await admin.getByRole("link", { name: "Content", exact: true }).first().click();
  await admin.getByRole("link", { name: "Add a source" }).click();

  // The provenance card: a missing date is named at its field, and nothing typed is lost.
  await admin.getByLabel("Title, exactly as published").fill(TITLE);
  await admin.getByLabel(/^Slug/).fill(SLUG);
  await admin.getByLabel("Authors").fill("A. Writer — Columnist, an NGO in Yerevan");
  await admin.getByLabel("Outlet name").fill("Test Outlet");
  await admin.getByLabel("What kind of organisation it is").fill("NGO website, Yerevan");
  await admin.getByLabel("Genre").selectOption("opinion");
  await admin.getByLabel("Whose voice").selectOption("armenian");
  await admin.getByLabel("Text of the article").fill(BODY);
  await admin.getByRole("button", { name: "Save the source as a draft" }).click();
  await expect(admin.getByText("Expected a date as YYYY-MM-DD")).toBeVisible();
  await expect(admin.getByLabel("Title, exactly as published")).toHaveValue(TITLE);
  await expectNoAxeViolations(admin);
  await admin.getByLabel("Date first published (YYYY-MM-DD)").fill("2020-11-20");
  await admin.getByRole("button", { name: "Save the source as a draft" }).click();
  await expect(admin.getByText("The source is saved as a draft.")).toBeVisible();

  // Mark two passages on the text with the keyboard, then classify the text citing them.
  const text = admin.getByRole("listbox", { name: /Text of/ });
  await text.focus();
  await admin.keyboard.press("Space"); // the first sentence
  await admin.keyboard.press("ArrowDown");
  await admin.keyboard.press("ArrowDown");
  await admin.keyboard.press("Space"); // "The author argues that only an international presence…"
  await expect(text.getByRole("option", { selected: true })).toHaveCount(2);
  await admin.getByLabel("What the marked passages show (the evidence label)").fill("the author takes the Karabakh Armenians' side");
  await admin.getByLabel("Explanation shown after answering").fill("The author uses the Armenian name and argues for protection of those who stayed.");
  const stance = admin.getByRole("group", { name: /Stance:/ });
  await stance.getByLabel("Pro-Armenian").check();
  await stance.getByLabel("Why (shown after answering)").fill("It argues one side's case and uses that side's place names.");
  await stance.getByRole("checkbox", { name: /calls the city Stepanakert/ }).check();
  const genre = admin.getByRole("group", { name: /Genre:/ });
  await genre.getByLabel("An opinion piece arguing a case").check();
  await genre.getByLabel("Why (shown after answering)").fill("It argues a case in the author's own voice.");
  // Saving without citing anything for the genre is refused at that answer; the rest stays.
  await admin.getByLabel("Module").selectOption({ label: "The September 2023 operation" });
  await admin.getByRole("button", { name: "Save the questions" }).click();
  await expect(genre.getByText("Cite at least one marked passage for this answer.")).toBeVisible();
  await expect(stance.getByLabel("Pro-Armenian")).toBeChecked();
  await genre.getByRole("checkbox", { name: /only an international presence/ }).check();
  await expectNoAxeViolations(admin);
  await admin.getByRole("button", { name: "Save the questions" }).click();
  await admin.getByRole("link", { name: "Open the quiz's page (publish, edit, history)" }).click();

  // Publishing the quiz before its source is refused, with the reason beside the button.
  await admin.getByRole("group", { name: `Quiz: ${TITLE}` }).getByRole("button", { name: "Publish" }).click();
  await expect(admin.getByText(/Publish its sources first/)).toBeVisible();
  await admin.goto(`/admin/content/sources/${SLUG}`);
  await admin.getByRole("group", { name: TITLE }).getByRole("button", { name: "Publish" }).click();
  await expect(admin.getByText("Published.")).toBeVisible();
  await admin.goto("/admin/content");
  const quizRow = admin.getByRole("group", { name: `Quiz: ${TITLE}` });
  await quizRow.getByRole("button", { name: "Publish" }).click();
  await expect(quizRow.getByRole("button", { name: "Unpublish" })).toBeVisible();

  // A student finds it in module 3 and answers it.
  const student = await (await browser.newContext()).newPage();
  await signUpNewStudent(student);
  await student.goto("/learn/september-2023");
  await student.getByRole("link", { name: `Quiz: ${TITLE}` }).click();
  await student.getByRole("group", { name: /What kind of text/ }).getByLabel("An opinion piece arguing a case").check();
  await student.getByRole("group", { name: /Whose side/ }).getByLabel("Pro-Armenian").check();
  const studentText = student.getByRole("listbox");
  await studentText.getByRole("option", { name: /calls the city Stepanakert/ }).click();
  await expect(student.getByText("All answers saved.")).toBeVisible();
  await student.getByRole("button", { name: /^Submit/ }).click();
  const result = student.getByRole("heading", { name: /^Attempt 1: .* points \(\d+%\)$/ });
  await expect(result).toBeVisible();
  const score = await result.textContent();
  await expectNoAxeViolations(student);

  // The admin changes the stance key of the answered question: a new version; the student's score stays.
  await admin.goto(`/admin/content/activities/${SLUG}-quiz`);
  const yaml = admin.getByLabel("Activity (YAML)");
  const current = await yaml.inputValue();
  expect(current).toContain("answer: pro-armenian");
  await yaml.fill(current.replace("answer: pro-armenian", "answer: reporting"));
  await admin.getByLabel("What changed (shown in the history)").fill("Stance key revised");
  await admin.getByRole("button", { name: "Save as a new version" }).click();
  await expect(admin.getByText("Saved as version 2.", { exact: false })).toBeVisible();
  await admin.reload();
  await expect(admin.getByText("Stance key revised")).toBeVisible();

  await student.reload();
  await expect(student.getByRole("heading", { name: /^Attempt 1:/ })).toHaveText(score!);
  await expect(student.getByText(/shows the questions as they were when it was started \(version 1\)/)).toBeVisible();
});
