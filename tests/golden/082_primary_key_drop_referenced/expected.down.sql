-- shale:down of 0001_after
-- shale:data-loss: drops column "tags"."id"

ALTER TABLE "public"."taggings" DROP CONSTRAINT "taggings_tag_fkey";
--> statement-breakpoint
ALTER TABLE "public"."tags" DROP CONSTRAINT "tags_name_key";
--> statement-breakpoint
ALTER TABLE "public"."tags" DROP CONSTRAINT "tags_pkey";
--> statement-breakpoint
ALTER TABLE "public"."tags" DROP COLUMN "id";
--> statement-breakpoint
ALTER TABLE "public"."tags" ADD CONSTRAINT "tags_pkey" PRIMARY KEY ("name");
--> statement-breakpoint
ALTER TABLE "public"."taggings" ADD CONSTRAINT "taggings_tag_fkey" FOREIGN KEY ("tag") REFERENCES "public"."tags"("name");
