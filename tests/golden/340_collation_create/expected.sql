CREATE TABLE "public"."words" (
	"id" bigint NOT NULL,
	"word" text COLLATE "C" NOT NULL,
	"tag" varchar(40) COLLATE "POSIX",
	"aliases" text[] COLLATE "C" NOT NULL,
	"plain" text NOT NULL,
	CONSTRAINT "words_pkey" PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE INDEX "words_word_idx" ON "public"."words" USING btree ("word");
