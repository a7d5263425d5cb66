import { RoleArea } from "@/components/layout/role-area";

export default function Layout({ children }: { children: React.ReactNode }) {
  return (
    <RoleArea path="/learn" roles={["STUDENT", "INSTRUCTOR", "ADMIN"]}>
      {children}
    </RoleArea>
  );
}
