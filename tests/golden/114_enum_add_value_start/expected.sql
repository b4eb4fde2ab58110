ALTER TYPE "public"."status" ADD VALUE 'idea' BEFORE 'draft';
