CREATE TABLE "public"."documents" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamptz DEFAULT now() NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"title" text DEFAULT 'untitled' NOT NULL,
	"visible" boolean DEFAULT true NOT NULL,
	"meta" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"weight" double precision DEFAULT 1.5 NOT NULL,
	"day" date DEFAULT CURRENT_DATE NOT NULL,
	"quote" text DEFAULT 'it''s',
	CONSTRAINT "documents_pkey" PRIMARY KEY ("id")
);
