-- shale:down of 0001_after
-- shale:data-loss: changes column "orgs"."id" from bigint to integer, which may lose or refuse values
-- shale:data-loss: changes column "projects"."id" from bigint to integer, which may lose or refuse values
-- shale:data-loss: changes column "projects"."org_id" from bigint to integer, which may lose or refuse values

ALTER TABLE "public"."orgs" ALTER COLUMN "id" SET DATA TYPE integer USING "id"::integer;
--> statement-breakpoint
ALTER TABLE "public"."projects" ALTER COLUMN "id" SET DATA TYPE integer USING "id"::integer;
--> statement-breakpoint
ALTER TABLE "public"."projects" ALTER COLUMN "org_id" SET DATA TYPE integer USING "org_id"::integer;
