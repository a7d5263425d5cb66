"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getRequestAddress } from "@/lib/auth/request-address";
import { requireUser } from "@/lib/auth/session";
import type { TFormState } from "@/lib/auth/form-state";
import { runFormAction } from "@/lib/form-action";
import {
  addCoInstructor,
  createClass,
  joinClassByCode,
  removeCoInstructor,
  removeStudent,
  setJoinCode,
  updateClass,
} from "@/lib/classes/mutations";
import {
  ZAddCoInstructorInput,
  ZClassFields,
  ZClassUserInput,
  ZCreateStudentAccountsInput,
  ZJoinClassInput,
  ZSetJoinEnabledInput,
  ZUpdateClassInput,
} from "@/lib/classes/schemas";
import { createStudentAccounts, resetStudentPassword } from "@/lib/classes/student-accounts";
import type { TAccountsState, TStudentAccount } from "@/lib/classes/student-account-types";
import { createAssignment, deleteAssignment, removeExtension, saveGrade, setExtension, updateAssignment } from "@/lib/assignments/mutations";
import {
  ZAssignmentIdInput,
  ZCreateAssignmentInput,
  ZExtensionInput,
  ZGradeInput,
  ZStudentItemInput,
  ZUpdateAssignmentInput,
} from "@/lib/assignments/schemas";

// Thin actions: each checks the session and role here, and lib checks that the class is the caller's.
const teacher = () => requireUser("INSTRUCTOR", "ADMIN");
const classPath = (classId: string) => `/teach/classes/${classId}`;

export async function createClassAction(_: TFormState, formData: FormData): Promise<TFormState> {
  const user = await teacher();
  let id = "";
  const state = await runFormAction(formData, ZClassFields, async (input) => {
    id = (await createClass(user, input)).id;
  });
  if (id) redirect(classPath(id));
  return state;
}

export async function updateClassAction(_: TFormState, formData: FormData): Promise<TFormState> {
  const user = await teacher();
  return runFormAction(formData, ZUpdateClassInput, async ({ classId, ...fields }) => {
    await updateClass(user, classId, fields);
    revalidatePath(classPath(classId), "layout");
    return "Class details saved.";
  });
}

export async function setJoinCodeAction(_: TFormState, formData: FormData): Promise<TFormState> {
  const user = await teacher();
  return runFormAction(formData, ZSetJoinEnabledInput, async ({ classId, enabled }) => {
    await setJoinCode(user, classId, enabled);
    revalidatePath(classPath(classId), "layout");
    return enabled ? "A new join code is ready; the old one no longer works." : "Joining by code is off.";
  });
}

export async function addCoInstructorAction(_: TFormState, formData: FormData): Promise<TFormState> {
  const user = await teacher();
  return runFormAction(formData, ZAddCoInstructorInput, async ({ classId, email }) => {
    await addCoInstructor(user, classId, email);
    revalidatePath(classPath(classId), "layout");
    return `${email} now co-teaches this class.`;
  });
}

export async function removeCoInstructorAction(_: TFormState, formData: FormData): Promise<TFormState> {
  const user = await teacher();
  return runFormAction(formData, ZClassUserInput, async ({ classId, userId }) => {
    await removeCoInstructor(user, classId, userId);
    revalidatePath(classPath(classId), "layout");
    return "Co-instructor removed.";
  });
}

export async function removeStudentAction(_: TFormState, formData: FormData): Promise<TFormState> {
  const user = await teacher();
  return runFormAction(formData, ZClassUserInput, async ({ classId, userId }) => {
    await removeStudent(user, classId, userId);
    revalidatePath(classPath(classId), "layout");
    return "Student removed from the class. Their own work is kept.";
  });
}

export async function createStudentAccountsAction(_: TAccountsState, formData: FormData): Promise<TAccountsState> {
  const user = await teacher();
  let accounts: TStudentAccount[] | undefined;
  const state = await runFormAction(formData, ZCreateStudentAccountsInput, async (input) => {
    accounts = await createStudentAccounts(user, input);
    revalidatePath(classPath(input.classId), "layout");
  });
  return accounts ? { accounts } : state;
}

export async function resetStudentPasswordAction(_: TAccountsState, formData: FormData): Promise<TAccountsState> {
  const user = await teacher();
  let accounts: TStudentAccount[] | undefined;
  const state = await runFormAction(formData, ZClassUserInput, async ({ classId, userId }) => {
    accounts = [await resetStudentPassword(user, classId, userId)];
    revalidatePath(classPath(classId), "layout");
  });
  return accounts ? { accounts } : state;
}

export async function createAssignmentAction(_: TFormState, formData: FormData): Promise<TFormState> {
  const user = await teacher();
  return runFormAction(formData, ZCreateAssignmentInput, async (input) => {
    await createAssignment(user, input);
    revalidatePath(classPath(input.classId), "layout");
    return "Assigned. Students see it on their course page.";
  });
}

export async function updateAssignmentAction(_: TFormState, formData: FormData): Promise<TFormState> {
  const user = await teacher();
  return runFormAction(formData, ZUpdateAssignmentInput, async (input) => {
    await updateAssignment(user, input);
    revalidatePath("/teach/classes", "layout");
    return "Assignment saved.";
  });
}

export async function deleteAssignmentAction(_: TFormState, formData: FormData): Promise<TFormState> {
  const user = await teacher();
  return runFormAction(formData, ZAssignmentIdInput, async ({ assignmentId }) => {
    await deleteAssignment(user, assignmentId);
    revalidatePath("/teach/classes", "layout");
    return "Assignment removed. Students' work on it is kept.";
  });
}

export async function setExtensionAction(_: TFormState, formData: FormData): Promise<TFormState> {
  const user = await teacher();
  return runFormAction(formData, ZExtensionInput, async (input) => {
    await setExtension(user, input);
    revalidatePath("/teach/classes", "layout");
    return "Extension saved.";
  });
}

export async function removeExtensionAction(_: TFormState, formData: FormData): Promise<TFormState> {
  const user = await teacher();
  return runFormAction(formData, ZStudentItemInput, async ({ assignmentId, studentId }) => {
    await removeExtension(user, assignmentId, studentId);
    revalidatePath("/teach/classes", "layout");
    return "Extension removed: the class due date applies again.";
  });
}

export async function saveGradeAction(_: TFormState, formData: FormData): Promise<TFormState> {
  const user = await teacher();
  return runFormAction(formData, ZGradeInput, async (input) => {
    await saveGrade(user, input);
    revalidatePath("/teach/classes", "layout");
    return "Comment and score saved.";
  });
}

/** Students join from /learn; this lives with the other class actions so all class writes are in one place. */
export async function joinClassAction(_: TFormState, formData: FormData): Promise<TFormState> {
  const user = await requireUser();
  return runFormAction(formData, ZJoinClassInput, async ({ code }) => {
    const joined = await joinClassByCode(user, code, await getRequestAddress());
    revalidatePath("/learn");
    return `You joined ${joined.name}.`;
  });
}
