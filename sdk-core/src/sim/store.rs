//! What the simulator keeps: items per resource and per collection, in creation order.

use std::collections::{HashMap, VecDeque};

use serde_json::Value;

use super::SimulatorHandle;

/// The simulator's data: for each resource, and for each set of collection path parameters
/// (`["tenant-a", "group-1"]`), the items in creation order, keyed by id.
///
/// Custom actions receive it, locked, and [`Simulator::with_store`](super::Simulator::with_store)
/// lends it to tests. Any resource name may be used, so an action can keep state of its own
/// under a name no [`Resource`](super::Resource) declares.
#[derive(Debug, Default)]
pub struct Store {
    data: HashMap<String, HashMap<Vec<String>, Vec<Entry>>>,
    state: HashMap<String, ResourceState>,
    simulator: Option<SimulatorHandle>,
}

/// One stored item and where it is in its lifecycle.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub(crate) id: String,
    pub(crate) value: Value,
    /// Where a long-running create or update is on its way.
    pub(crate) pending: Option<Pending>,
    /// Reads left before a long-running delete completes.
    pub(crate) deleting: Option<u32>,
}

/// Where a long-running item is on its way.
#[derive(Debug, Clone)]
pub(crate) struct Pending {
    /// The statuses still to come, the last one final.
    pub(crate) ahead: VecDeque<String>,
    /// Reads that see a status before the next read moves on.
    pub(crate) polls: u32,
    /// Reads since the last move.
    pub(crate) reads: u32,
}

/// Per-resource settings changed at run time.
#[derive(Debug, Default)]
pub(crate) struct ResourceState {
    pub(crate) polls: Option<u32>,
    pub(crate) fail_next: u32,
    /// Ends chosen for the next items ([`Simulator::end_next`](super::Simulator::end_next)).
    pub(crate) ends: VecDeque<String>,
    pub(crate) sequence: u64,
}

fn key(params: &[&str]) -> Vec<String> {
    params.iter().map(|p| (*p).to_owned()).collect()
}

impl Store {
    /// The store of a running simulator.
    pub(crate) fn of(simulator: SimulatorHandle) -> Self {
        Store {
            simulator: Some(simulator),
            ..Store::default()
        }
    }

    /// The simulator this store belongs to, for hooks and custom actions that start work
    /// of their own ([`SimulatorHandle::spawn`]); `None` for a store made on its own.
    pub fn simulator(&self) -> Option<SimulatorHandle> {
        self.simulator.clone()
    }

    /// The item `id` of `resource` under the collection parameters `params`.
    pub fn get(&self, resource: &str, params: &[&str], id: &str) -> Option<&Value> {
        self.entries(resource, params)?
            .iter()
            .find(|e| e.id == id)
            .map(|e| &e.value)
    }

    /// The item, to change it in place.
    pub fn get_mut(&mut self, resource: &str, params: &[&str], id: &str) -> Option<&mut Value> {
        self.entry_mut(resource, params, id).map(|e| &mut e.value)
    }

    /// The items of one collection, in creation order.
    pub fn list(&self, resource: &str, params: &[&str]) -> Vec<&Value> {
        self.entries(resource, params)
            .map(|v| v.iter().map(|e| &e.value).collect())
            .unwrap_or_default()
    }

    /// The number of items in one collection.
    pub fn count(&self, resource: &str, params: &[&str]) -> usize {
        self.entries(resource, params).map_or(0, Vec::len)
    }

    /// Stores `value` as item `id`, replacing (in place) an item with that id. Returns the
    /// replaced item. The value is stored as given: its id field is not checked.
    pub fn insert(
        &mut self,
        resource: &str,
        params: &[&str],
        id: &str,
        value: Value,
    ) -> Option<Value> {
        if let Some(e) = self.entry_mut(resource, params, id) {
            e.pending = None;
            e.deleting = None;
            return Some(std::mem::replace(&mut e.value, value));
        }
        self.push(
            resource,
            key(params),
            Entry {
                id: id.to_owned(),
                value,
                pending: None,
                deleting: None,
            },
        );
        None
    }

    /// Removes item `id` and returns it.
    pub fn remove(&mut self, resource: &str, params: &[&str], id: &str) -> Option<Value> {
        let items = self.data.get_mut(resource)?.get_mut(&key(params))?;
        let at = items.iter().position(|e| e.id == id)?;
        Some(items.remove(at).value)
    }

    /// Every item of `resource` across all collections, with the collection parameters and
    /// ids: for lookups that ignore the collection. Collections come in no particular
    /// order; items within one in creation order.
    pub fn all(&self, resource: &str) -> Vec<(&[String], &str, &Value)> {
        let Some(cols) = self.data.get(resource) else {
            return Vec::new();
        };
        cols.iter()
            .flat_map(|(k, items)| {
                items
                    .iter()
                    .map(move |e| (k.as_slice(), e.id.as_str(), &e.value))
            })
            .collect()
    }

    /// Every item as one JSON value, to keep the data across restarts
    /// ([`restore`](Self::restore) reads it back): `{"<resource>": [{"params": [..],
    /// "id": "..", "value": {..}}, ..]}`, resources and collections in a stable order. A
    /// long-running item is kept as it reads now; where it was on its way is not.
    pub fn snapshot(&self) -> Value {
        let mut resources: Vec<_> = self.data.iter().collect();
        resources.sort_by(|a, b| a.0.cmp(b.0));
        let mut out = serde_json::Map::new();
        for (resource, cols) in resources {
            let mut cols: Vec<_> = cols.iter().collect();
            cols.sort_by(|a, b| a.0.cmp(b.0));
            let items: Vec<Value> = cols
                .into_iter()
                .flat_map(|(params, items)| {
                    items.iter().map(move |e| {
                        serde_json::json!({"params": params, "id": e.id, "value": e.value})
                    })
                })
                .collect();
            out.insert(resource.clone(), Value::Array(items));
        }
        Value::Object(out)
    }

    /// Adds the items of a [`snapshot`](Self::snapshot), replacing items with the same
    /// ids. Returns how many were read.
    ///
    /// # Errors
    ///
    /// A message when `snapshot` is not in the snapshot's shape (nothing is added then).
    pub fn restore(&mut self, snapshot: &Value) -> std::result::Result<usize, String> {
        let shape = || "a simulator snapshot is {resource: [{params, id, value}]}".to_owned();
        let resources = snapshot.as_object().ok_or_else(shape)?;
        let mut items = Vec::new();
        for (resource, list) in resources {
            for item in list.as_array().ok_or_else(shape)? {
                let params: Vec<&str> = item["params"]
                    .as_array()
                    .ok_or_else(shape)?
                    .iter()
                    .map(|p| p.as_str().ok_or_else(shape))
                    .collect::<std::result::Result<_, _>>()?;
                let id = item["id"].as_str().ok_or_else(shape)?;
                items.push((resource.as_str(), params, id, item["value"].clone()));
            }
        }
        let n = items.len();
        for (resource, params, id, value) in items {
            self.insert(resource, &params, id, value);
        }
        Ok(n)
    }

    pub(crate) fn entries(&self, resource: &str, params: &[&str]) -> Option<&Vec<Entry>> {
        self.data.get(resource)?.get(&key(params))
    }

    pub(crate) fn entry_mut(
        &mut self,
        resource: &str,
        params: &[&str],
        id: &str,
    ) -> Option<&mut Entry> {
        self.data
            .get_mut(resource)?
            .get_mut(&key(params))?
            .iter_mut()
            .find(|e| e.id == id)
    }

    pub(crate) fn push(&mut self, resource: &str, params: Vec<String>, entry: Entry) {
        self.data
            .entry(resource.to_owned())
            .or_default()
            .entry(params)
            .or_default()
            .push(entry);
    }

    pub(crate) fn state(&mut self, resource: &str) -> &mut ResourceState {
        self.state.entry(resource.to_owned()).or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_snapshot_restores_every_item_in_its_collection() {
        let mut store = Store::default();
        store.insert("queues", &["t1"], "q1", json!({"name": "Sales"}));
        store.insert("queues", &["t1"], "q2", json!({"name": "Support"}));
        store.insert("users", &[], "u1", json!({"login": "ann"}));
        let snap = store.snapshot();
        let mut back = Store::default();
        assert_eq!(back.restore(&snap), Ok(3));
        assert_eq!(back.list("queues", &["t1"]), store.list("queues", &["t1"]));
        assert_eq!(back.get("users", &[], "u1"), Some(&json!({"login": "ann"})));
        assert_eq!(back.snapshot(), snap);
        assert!(back.restore(&json!({"queues": [{"id": 1}]})).is_err());
        assert_eq!(
            back.count("queues", &["t1"]),
            2,
            "nothing added from a bad snapshot"
        );
    }
}
