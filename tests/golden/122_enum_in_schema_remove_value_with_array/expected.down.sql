-- shale:down of 0001_after

ALTER TYPE "billing"."currency" ADD VALUE 'usd' AFTER 'eur';
