import { RoleArea } from "@/components/layout/role-area";

export default function Layout({ children }: { children: React.ReactNode }) {
  return (
    <RoleArea path="/teach" roles={["INSTRUCTOR", "ADMIN"]}>
      {children}
    </RoleArea>
  );
}
