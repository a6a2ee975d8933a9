package dev.frostgate.catalog;

import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.frostgate.change.CachePolicy;
import dev.frostgate.change.Change;
import dev.frostgate.change.ChangeFeed;
import dev.frostgate.policy.CompiledNetworkPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which network policy governs a user, and whether an address passes it. The user's own policy
 * beats the account's, and the network policy of the security integration that judged the credential beats
 * both. Compiled policies and the account attachment are cached until the change feed announces a change
 * to network rules, policies or attachments (or the cache lifetime passes).
 */
public final class NetworkAccess {
    public static final String ACCOUNT_PARAMETER = "NETWORK_POLICY";

    private final NetworkPolicyRepository repository;
    private final AccountParameterRepository accountParameters;
    private final LoadingCache<String, Optional<CompiledNetworkPolicy>> compiled;
    private final LoadingCache<String, Optional<String>> accountPolicy;

    public NetworkAccess(NetworkPolicyRepository repository, AccountParameterRepository accountParameters,
                         ChangeFeed changes, CachePolicy cachePolicy) {
        this.repository = repository;
        this.accountParameters = accountParameters;
        this.compiled = cachePolicy.expiringCache(10_000).build(this::compile);
        this.accountPolicy = cachePolicy.expiringCache(1).build(key -> accountParameters.find(ACCOUNT_PARAMETER));
        changes.subscribe(Change.NetworkPoliciesChanged.class, change -> invalidate());
    }

    /** The policy that applies to the user (or, for an unknown user, to the account), if any. */
    public Optional<CompiledNetworkPolicy> effectivePolicy(Optional<User> user) {
        return effectivePolicy(user, Optional.empty());
    }

    /** As {@link #effectivePolicy(Optional)}, with the policy of an integration that beats the user's and the account's. */
    public Optional<CompiledNetworkPolicy> effectivePolicy(Optional<User> user, Optional<String> integrationPolicy) {
        Optional<String> name = integrationPolicy.or(() -> user.flatMap(User::networkPolicy))
                .or(() -> accountPolicy.get(ACCOUNT_PARAMETER));
        return name.flatMap(compiled::get);
    }

    public boolean admits(Optional<User> user, String clientAddress) {
        return admits(user, Optional.empty(), clientAddress);
    }

    public boolean admits(Optional<User> user, Optional<String> integrationPolicy, String clientAddress) {
        return effectivePolicy(user, integrationPolicy).map(policy -> policy.admits(clientAddress)).orElse(true);
    }

    public Optional<CompiledNetworkPolicy> compiledPolicy(String name) {
        return compiled.get(name);
    }

    private void invalidate() {
        compiled.invalidateAll();
        accountPolicy.invalidateAll();
    }

    private Optional<CompiledNetworkPolicy> compile(String name) {
        return repository.findPolicy(name).map(this::compile);
    }

    /** Rule lists, when present, replace the legacy IP lists; only IPV4/IPV6 INGRESS rules count. */
    CompiledNetworkPolicy compile(NetworkPolicy policy) {
        if (!policy.usesNetworkRules()) {
            return CompiledNetworkPolicy.compile(policy.name(), policy.allowedIpList(), policy.blockedIpList());
        }
        return CompiledNetworkPolicy.compile(policy.name(), ruleEntries(policy.allowedNetworkRules()),
                ruleEntries(policy.blockedNetworkRules()));
    }

    private List<String> ruleEntries(List<String> ruleNames) {
        List<String> entries = new ArrayList<>();
        for (String ruleName : ruleNames) {
            repository.findRule(ruleName).filter(NetworkRule::isIpIngress).ifPresent(rule -> entries.addAll(rule.values()));
        }
        return entries;
    }
}
