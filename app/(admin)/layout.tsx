import { RoleArea } from "@/components/layout/role-area";

export default function Layout({ children }: { children: React.ReactNode }) {
  return (
    <RoleArea path="/admin" roles={["ADMIN"]}>
      {children}
    </RoleArea>
  );
}
