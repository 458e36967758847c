/**
 * The `profiles` table: per article its whole-article vector, article-level stance and the story it
 * belongs to, indexed by story (a story is the set of profiles sharing a `storyId`).
 */
import { type ClaimLensDB, recordsWithAnyOf } from './db.ts';
import type { ProfileRecord } from './schema.ts';

export function getProfile(db: ClaimLensDB, articleId: string): Promise<ProfileRecord | undefined> {
  return db.profiles.get(articleId);
}

/** The profiles of these articles, in the same order (undefined where there is none). */
export function getProfiles(
  db: ClaimLensDB,
  articleIds: readonly string[],
): Promise<(ProfileRecord | undefined)[]> {
  return db.profiles.bulkGet([...articleIds]);
}

export function allProfiles(db: ClaimLensDB): Promise<ProfileRecord[]> {
  return db.profiles.toArray();
}

/** The profiles of one story's articles. */
export function storyMembers(db: ClaimLensDB, storyId: string): Promise<ProfileRecord[]> {
  return db.profiles.where('storyId').equals(storyId).toArray();
}

/** The profiles of the articles of several stories. */
export function membersOfStories(db: ClaimLensDB, storyIds: readonly string[]): Promise<ProfileRecord[]> {
  return recordsWithAnyOf(db, db.profiles, 'storyId', storyIds);
}

export async function putProfile(db: ClaimLensDB, profile: ProfileRecord): Promise<void> {
  await db.profiles.put(profile);
}

export async function putProfiles(db: ClaimLensDB, profiles: readonly ProfileRecord[]): Promise<void> {
  await db.profiles.bulkPut([...profiles]);
}
