-- shale:down of 0001_after
-- shale:data-loss: changes column "members"."nickname" from text to varchar(50), which may lose or refuse values

ALTER TABLE "public"."members" DROP CONSTRAINT "members_org_id_fkey";
--> statement-breakpoint
DROP INDEX "public"."members_nickname_idx";
--> statement-breakpoint
ALTER TABLE "public"."members" DROP CONSTRAINT "members_org_id_email_key";
--> statement-breakpoint
ALTER TABLE "public"."members" ALTER COLUMN "nickname" SET DATA TYPE varchar(50) USING "nickname"::varchar(50);
--> statement-breakpoint
ALTER TABLE "public"."members" ALTER COLUMN "org_id" DROP NOT NULL;
--> statement-breakpoint
CREATE INDEX "members_email_old" ON "public"."members" USING btree ("email");
