/** Whether a fetch's changes may be committed: what it would do to the history ({@code FetchReview}) and the policy that holds it for a person ({@code ChangeGuard}). */
package org.gardpipeline.review;
